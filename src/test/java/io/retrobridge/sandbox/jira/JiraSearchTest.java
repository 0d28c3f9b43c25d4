package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxJson;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /rest/api/3/search/jql} and {@code GET /rest/api/2/search}: matching, order, paging and refusals. */
class JiraSearchTest extends JiraSandboxTestSupport {

    HttpResponse<String> search(String jql, Integer maxResults, String nextPageToken, String... fields) throws Exception {
        ObjectNode body = SandboxJson.object();
        body.put("jql", jql);
        if (maxResults != null) {
            body.put("maxResults", maxResults);
        }
        if (nextPageToken != null) {
            body.put("nextPageToken", nextPageToken);
        }
        if (fields.length > 0) {
            List.of(fields).forEach(body.putArray("fields")::add);
        }
        return post("/rest/api/3/search/jql", SandboxJson.write(body));
    }

    List<String> keys(String jql) throws Exception {
        HttpResponse<String> response = search(jql, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        json(response).get("issues").forEach(i -> keys.add(i.get("key").asText()));
        return keys;
    }

    @Test
    void conditionsSelectExactlyTheMatchingIssuesInTheAskedOrder() throws Exception {
        sandbox.seed().project("OPS", "Operations");
        String a = createTask("A", "\"labels\":[\"retro-action\"]");
        clock.advance(Duration.ofMinutes(10));
        String b = createTask("B", "\"labels\":[\"retro-action\",\"gateway\"]");
        clock.advance(Duration.ofMinutes(10));
        String c = createTask("C", "");
        clock.advance(Duration.ofMinutes(10));
        put("/rest/api/3/issue/" + a, "{\"fields\":{\"summary\":\"A2\"}}");
        post("/rest/api/3/issue/" + b + "/transitions", "{\"transition\":{\"id\":\"21\"}}");
        String ops = sandbox.seed().issue(JiraSeed.IssueSpec.of("OPS", "Bug", "Ops bug").labels("retro-action"), BOT);

        assertThat(keys("project = PAY ORDER BY key")).containsExactly(a, b, c);
        assertThat(keys("project in (PAY, OPS) AND labels = retro-action ORDER BY key DESC")).containsExactly(b, a, ops);
        assertThat(keys("project = PAY AND status = \"In Progress\"")).containsExactly(b);
        assertThat(keys("issuetype = Bug")).containsExactly(ops);
        assertThat(keys("key in (" + a + ", " + c + ") ORDER BY key")).containsExactly(a, c);
        assertThat(keys("project = PAY AND updated >= \"2026/11/25 10:45\" ORDER BY updated ASC, key"))
                .containsExactly(a, b);
        assertThat(keys("project = PAY AND updated < \"2026/11/25 10:45\"")).containsExactly(c);
        assertThat(keys("project = PAY AND (labels = gateway OR status = \"To Do\") ORDER BY key")).containsExactly(a, b, c);
        assertThat(keys("project = PAY AND labels != gateway ORDER BY key")).containsExactly(a);
        assertThat(keys("project = PAY AND updated > \"2026-11-25\" ORDER BY key")).containsExactly(a, b, c);
    }

    @Test
    void searchReturnsOnlyTheAskedFields() throws Exception {
        createTask("Fields", "\"labels\":[\"x\"]");

        JsonNode bare = json(search("project = PAY", null, null)).at("/issues/0");
        JsonNode some = json(search("project = PAY", null, null, "summary", "labels")).at("/issues/0");

        assertThat(bare.has("fields")).isFalse();
        assertThat(bare.get("id").asText()).isNotBlank();
        assertThat(some.get("fields").size()).isEqualTo(2);
        assertThat(some.at("/fields/summary").asText()).isEqualTo("Fields");
    }

    @Test
    void pagesFollowNextPageTokenUntilIsLast() throws Exception {
        for (int i = 0; i < 5; i++) {
            createTask("T" + i, "");
        }

        JsonNode first = json(search("project = PAY ORDER BY key", 2, null));
        JsonNode second = json(search("project = PAY ORDER BY key", 2, first.get("nextPageToken").asText()));
        JsonNode third = json(search("project = PAY ORDER BY key", 2, second.get("nextPageToken").asText()));

        assertThat(first.get("isLast").asBoolean()).isFalse();
        assertThat(third.get("isLast").asBoolean()).isTrue();
        assertThat(third.has("nextPageToken")).isFalse();
        assertThat(third.get("issues")).hasSize(1);
        assertThat(third.at("/issues/0/key").asText()).isEqualTo("PAY-5");
    }

    @Test
    void pagesOfFullIssuesAreCappedAtOneHundredLikeCloud() throws Exception {
        for (int i = 0; i < 105; i++) {
            sandbox.seed().issue(JiraSeed.IssueSpec.of("PAY", "Task", "Bulk " + i), BOT);
        }

        JsonNode full = json(search("project = PAY", 500, null, "*all"));
        JsonNode keysOnly = json(search("project = PAY", 500, null, "summary"));

        assertThat(full.get("issues")).hasSize(100);
        assertThat(full.get("isLast").asBoolean()).isFalse();
        assertThat(keysOnly.get("issues")).hasSize(105);
        assertThat(keysOnly.get("isLast").asBoolean()).isTrue();
    }

    @Test
    void aTokenFromAnotherQueryIsRefused() throws Exception {
        for (int i = 0; i < 3; i++) {
            createTask("T" + i, "");
        }
        String token = json(search("project = PAY", 1, null)).get("nextPageToken").asText();

        HttpResponse<String> response = search("project = PAY AND labels = x", 1, token);

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void badQueriesAnswer400WithJirasMessageAndNoIssues() throws Exception {
        createTask("Exists", "");

        HttpResponse<String> syntax = search("project = PAY AND", null, null);
        HttpResponse<String> unknownProject = search("project = NOPE", null, null);
        HttpResponse<String> badDate = search("updated >= \"25/11/2026\"", null, null);
        HttpResponse<String> unbounded = search("ORDER BY key", null, null);

        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(json(syntax).get("errorMessages").get(0).asText()).startsWith("Error in the JQL Query: ");
        assertThat(json(syntax).get("errors").isObject()).isTrue();
        assertThat(json(unknownProject).get("errorMessages").get(0).asText())
                .isEqualTo("The value 'NOPE' does not exist for the field 'project'.");
        assertThat(json(badDate).get("errorMessages").get(0).asText()).contains("'25/11/2026'");
        assertThat(unbounded.statusCode()).isEqualTo(400);
    }

    @Test
    void theOlderV2SearchPagesWithStartAtAndTotal() throws Exception {
        for (int i = 0; i < 3; i++) {
            createTask("T" + i, i == 0 ? "\"description\":" + adf("plain in v2") : "");
        }

        JsonNode page = json(get("/rest/api/2/search?jql=" + q("project = PAY ORDER BY key") + "&startAt=0&maxResults=2"));

        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("issues")).hasSize(2);
        assertThat(page.at("/issues/0/fields/description").asText()).isEqualTo("plain in v2");
        assertThat(page.at("/issues/0/self").asText()).contains("/rest/api/2/issue/");
        assertThat(page.at("/issues/0/fields/status/self").asText()).contains("/rest/api/2/status/");
    }
}
