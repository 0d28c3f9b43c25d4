package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.testsupport.JiraOpenApiValidator.Answer;
import io.retrobridge.testsupport.JiraOpenApiValidator.Call;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint the sandbox serves, called as a connector would, must match Atlassian's published spec
 * in both directions; and the validator must catch a request Jira would refuse.
 */
class JiraOpenApiConformanceTest extends JiraSandboxTestSupport {

    private final JiraOpenApiValidator spec = JiraOpenApiValidator.shared();

    private HttpResponse<String> checked(String method, String pathAndQuery, String body, int expectedStatus)
            throws Exception {
        HttpResponse<String> response = send(method, pathAndQuery, body, basic(BOT_EMAIL, TOKEN));
        assertThat(response.statusCode()).as(method + " " + pathAndQuery + ": " + response.body()).isEqualTo(expectedStatus);
        Map<String, List<String>> requestHeaders = body == null
                ? Map.of("Authorization", List.of(basic(BOT_EMAIL, TOKEN)), "Accept", List.of("application/json"))
                : Map.of("Authorization", List.of(basic(BOT_EMAIL, TOKEN)), "Accept", List.of("application/json"),
                        "Content-Type", List.of("application/json"));
        Map<String, List<String>> responseHeaders = response.headers().firstValue("Content-Type")
                .map(ct -> Map.of("Content-Type", List.of(ct))).orElse(Map.of());
        spec.assertValid(new Call(method, pathAndQuery, requestHeaders, body),
                new Answer(response.statusCode(), responseHeaders, response.body()));
        return response;
    }

    @Test
    void issueEndpointsMatchTheSpec() throws Exception {
        HttpResponse<String> created = checked("POST", "/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"PAY\"},"
                + "\"issuetype\":{\"name\":\"Task\"},\"summary\":\"Spec\",\"description\":" + adf("ADF body") + ","
                + "\"labels\":[\"retro-action\"],\"duedate\":\"2026-12-01\",\"assignee\":{\"accountId\":\"" + DAVID + "\"}}}",
                201);
        String key = json(created).get("key").asText();
        checked("GET", "/rest/api/3/issue/" + key, null, 200);
        checked("GET", "/rest/api/3/issue/" + key + "?fields=summary,status,updated", null, 200);
        checked("PUT", "/rest/api/3/issue/" + key, "{\"fields\":{\"summary\":\"Spec 2\"},"
                + "\"update\":{\"labels\":[{\"add\":\"triaged\"}]}}", 204);
        checked("POST", "/rest/api/3/issue", "{\"fields\":{\"project\":{\"key\":\"PAY\"},\"issuetype\":{\"name\":\"Task\"}}}",
                400);
        checked("GET", "/rest/api/3/issue/PAY-999", null, 404);
        checked("DELETE", "/rest/api/3/issue/" + key, null, 204);
    }

    @Test
    void workflowCommentAndPropertyEndpointsMatchTheSpec() throws Exception {
        String key = createTask("Spec workflow", "");
        checked("GET", "/rest/api/3/issue/" + key + "/transitions", null, 200);
        checked("GET", "/rest/api/3/issue/" + key + "/transitions?expand=transitions.fields", null, 200);
        checked("POST", "/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"31\"}}", 204);
        checked("POST", "/rest/api/3/issue/" + key + "/comment", "{\"body\":" + adf("Done and dusted") + "}", 201);
        checked("GET", "/rest/api/3/issue/" + key + "/comment", null, 200);
        checked("PUT", "/rest/api/3/issue/" + key + "/properties/retrobridge", "{\"correlationId\":\"PRB1\"}", 201);
        checked("GET", "/rest/api/3/issue/" + key + "/properties/retrobridge", null, 200);
        checked("GET", "/rest/api/3/issue/" + key + "/properties", null, 200);
    }

    @Test
    void searchAndUserEndpointsMatchTheSpec() throws Exception {
        createTask("Spec search 1", "\"labels\":[\"retro-action\"]");
        createTask("Spec search 2", "\"labels\":[\"retro-action\"]");
        HttpResponse<String> first = checked("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = PAY AND labels = "
                + "retro-action ORDER BY updated ASC, key\",\"maxResults\":1,\"fields\":[\"summary\",\"status\",\"updated\"]}",
                200);
        checked("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = PAY AND labels = retro-action ORDER BY updated ASC, key\",\"maxResults\":1,"
                + "\"nextPageToken\":\"" + json(first).get("nextPageToken").asText() + "\",\"fields\":[\"*all\"]}", 200);
        checked("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = \\\"PAY\"}", 400);
        checked("GET", "/rest/api/3/myself", null, 200);
        checked("GET", "/rest/api/3/user/search?query=beth", null, 200);
    }

    @Test
    void theValidatorRefusesARequestJiraWouldNot() {
        Call unknownMember = new Call("POST", "/rest/api/3/search/jql",
                Map.of("Content-Type", List.of("application/json")), "{\"jql\":\"project = PAY\",\"maxResult\":10}");
        Call wrongType = new Call("POST", "/rest/api/3/search/jql",
                Map.of("Content-Type", List.of("application/json")), "{\"jql\":\"project = PAY\",\"maxResults\":\"ten\"}");
        Call unknownPath = new Call("GET", "/rest/api/3/issues/PAY-1", Map.of(), null);

        assertThat(spec.problems(unknownMember)).isNotEmpty();
        assertThat(spec.problems(wrongType)).isNotEmpty();
        assertThat(spec.problems(unknownPath)).isNotEmpty();
        assertThat(spec.problems(new Call("POST", "/rest/api/3/search/jql",
                Map.of("Content-Type", List.of("application/json")), "{\"jql\":\"project = PAY\",\"maxResults\":10}")))
                .isEmpty();
    }

    @Test
    void theValidatorRefusesAResponseThatBreaksTheSpec() {
        Call call = new Call("GET", "/rest/api/3/myself", Map.of(), null);
        Answer wrong = new Answer(200, Map.of("Content-Type", List.of("application/json")),
                "{\"accountId\":12,\"active\":\"yes\"}");

        assertThat(spec.problems(call, wrong)).isNotEmpty();
    }
}
