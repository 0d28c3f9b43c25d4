package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An issue the account may not browse (project permission gone, or an issue-security level) answers exactly like a
 * deleted one: 404 "Issue does not exist or you do not have permission to see it." (Jira's OpenAPI: "Returned if the
 * issue is not found or the user does not have permission to view it."), and search leaves it out. Other accounts
 * still see it.
 */
class JiraIssueVisibilityTest extends JiraSandboxTestSupport {

    static final String OPS_EMAIL = "ops@example.com";
    static final String OPS_TOKEN = "ops-token";

    @BeforeEach
    void anotherAccount() {
        sandbox.addUser("557058:ops", "Ops", OPS_EMAIL, OPS_TOKEN);
    }

    @Test
    void anIssueUnderASecurityLevelAnswersLikeADeletedOneToThatAccountOnly() throws Exception {
        String hidden = createTask("Rotate the HSM keys", "");
        String visible = createTask("Review the HSM audit log", "");
        String id = issue(hidden).get("id").asText();

        sandbox.hideIssueFrom(hidden, BOT);

        for (String path : List.of("/rest/api/3/issue/" + hidden, "/rest/api/3/issue/" + id,
                "/rest/api/3/issue/" + hidden + "/comment", "/rest/api/3/issue/" + hidden + "/transitions")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(json(answer).path("errorMessages").get(0).asText())
                    .isEqualTo("Issue does not exist or you do not have permission to see it.");
            assertThat(json(answer).path("errors").isObject()).isTrue();
        }
        assertThat(put("/rest/api/3/issue/" + hidden, "{\"fields\":{\"summary\":\"x\"}}").statusCode()).isEqualTo(404);
        assertThat(keysFound("project = PAY")).containsExactly(visible);
        assertThat(send("GET", "/rest/api/3/issue/" + hidden, null, basic(OPS_EMAIL, OPS_TOKEN)).statusCode())
                .as("another account").isEqualTo(200);

        sandbox.showIssueTo(hidden, BOT);
        assertThat(get("/rest/api/3/issue/" + hidden).statusCode()).isEqualTo(200);
        assertThat(keysFound("project = PAY")).containsExactlyInAnyOrder(hidden, visible);
    }

    @Test
    void aProjectTakenFromTheAccountHidesEveryIssueInItUntilGivenBack() throws Exception {
        String first = createTask("Add canary stage", "");
        String second = createTask("Alert on gateway latency", "");

        sandbox.hideProjectFrom("PAY", BOT);

        assertThat(get("/rest/api/3/issue/" + first).statusCode()).isEqualTo(404);
        assertThat(get("/rest/api/3/issue/" + second).statusCode()).isEqualTo(404);
        assertThat(keysFound("project = PAY")).isEmpty();
        assertThat(send("PUT", "/rest/api/3/issue/" + first, "{\"fields\":{\"summary\":\"Add a canary stage\"}}",
                basic(OPS_EMAIL, OPS_TOKEN)).statusCode()).as("others keep working").isEqualTo(204);

        sandbox.showProjectTo("PAY", BOT);
        assertThat(issue(first).path("fields").path("summary").asText()).isEqualTo("Add a canary stage");
        assertThat(keysFound("project = PAY")).containsExactlyInAnyOrder(first, second);
    }

    private List<String> keysFound(String jql) throws Exception {
        JsonNode page = json(post("/rest/api/3/search/jql", "{\"jql\":\"" + jql + "\",\"fields\":[\"summary\"]}"));
        List<String> keys = new ArrayList<>();
        page.path("issues").forEach(issue -> keys.add(issue.path("key").asText()));
        return keys;
    }
}
