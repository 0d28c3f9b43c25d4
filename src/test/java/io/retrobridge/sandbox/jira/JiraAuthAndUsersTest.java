package io.retrobridge.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Who may call: Cloud's e-mail + API token, a personal access token, and Jira's 401 for anyone else. */
class JiraAuthAndUsersTest extends JiraSandboxTestSupport {

    @Test
    void myselfAnswersTheCallerForBasicEmailAndApiToken() throws Exception {
        JsonNode me = json(get("/rest/api/3/myself"));

        assertThat(me.get("accountId").asText()).isEqualTo(BOT);
        assertThat(me.get("emailAddress").asText()).isEqualTo(BOT_EMAIL);
        assertThat(me.get("displayName").asText()).isEqualTo("RetroBridge");
        assertThat(me.get("active").asBoolean()).isTrue();
        assertThat(me.get("self").asText()).endsWith("/rest/api/3/user?accountId=" + BOT);
    }

    @Test
    void aPersonalAccessTokenActsAsItsAccount() throws Exception {
        sandbox.addPersonalAccessToken("pat-abc", BOT);

        HttpResponse<String> response = send("GET", "/rest/api/3/myself", null, "Bearer pat-abc");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("accountId").asText()).isEqualTo(BOT);
    }

    @Test
    void wrongMissingOrUnknownCredentialsGet401WithJirasBodyAndChangeNothing() throws Exception {
        String create = "{\"fields\":{\"project\":{\"key\":\"PAY\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\"}}";
        HttpResponse<String> wrongToken = send("POST", "/rest/api/3/issue", create, basic(BOT_EMAIL, "wrong"));
        HttpResponse<String> none = send("GET", "/rest/api/3/myself", null, null);
        HttpResponse<String> badBearer = send("GET", "/rest/api/3/myself", null, "Bearer nope");
        HttpResponse<String> userWithoutToken = send("GET", "/rest/api/3/myself", null,
                basic("beth.anglin@example.com", ""));

        for (HttpResponse<String> response : java.util.List.of(wrongToken, none, badBearer, userWithoutToken)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("errorMessages").get(0).asText()).contains("not authenticated");
        }
        assertThat(wrongToken.body()).doesNotContain("wrong");
        assertThat(sandbox.issueKeys()).isEmpty();
    }

    @Test
    void userSearchMatchesEmailAndDisplayName() throws Exception {
        JsonNode byEmail = json(get("/rest/api/3/user/search?query=" + q("david.loo@")));
        JsonNode byName = json(get("/rest/api/3/user/search?query=" + q("beth")));
        JsonNode nobody = json(get("/rest/api/3/user/search?query=zelda"));

        assertThat(byEmail).hasSize(1);
        assertThat(byEmail.get(0).get("accountId").asText()).isEqualTo(DAVID);
        assertThat(byName.get(0).get("displayName").asText()).isEqualTo("Beth Anglin");
        assertThat(nobody).isEmpty();
    }

    @Test
    void userSearchWithoutAQueryIsRefused() throws Exception {
        HttpResponse<String> response = get("/rest/api/3/user/search");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errorMessages").get(0).asText()).contains("'query'");
    }
}
