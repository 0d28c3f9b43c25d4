package io.retrobridge.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteSystem;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What goes to Jira Server/Data Center (REST v2: wiki-markup comments, user names instead of accountIds)
 * and how its answers are read. The sandbox speaks v3 (plus v2 search), so these calls are answered
 * here with the shapes Jira Server documents.
 */
class JiraClientServerFlavourTest {

    private final List<OutboundRequest> sent = new ArrayList<>();
    private final Map<String, OutboundResponse> answers = new LinkedHashMap<>();

    private JiraClient client(boolean cloud) {
        RemoteSystem remote = new RemoteSystem(new HttpTarget("Jira", URI.create("https://jira.example.com"),
                Duration.ofSeconds(1), Duration.ofSeconds(1)), Credentials.bearer("pat-secret", "personal access token"),
                (target, request) -> {
                    sent.add(request);
                    return Optional.ofNullable(answers.get(request.method() + " " + request.path()))
                            .orElse(new OutboundResponse(404, Map.of(), "{\"errorMessages\":[\"not here\"]}"));
                });
        return new JiraClient(remote, cloud);
    }

    private void answer(String methodAndPath, int status, String body) {
        answers.put(methodAndPath, new OutboundResponse(status, Map.of("Content-Type", List.of("application/json")), body));
    }

    @Test
    void aServerCommentIsWikiTextAndItsAuthorIsTheUserName() {
        answer("POST /rest/api/2/issue/PAY-1/comment", 201, """
                {"id":"10010","author":{"name":"beth","key":"JIRAUSER10100","displayName":"Beth"},
                 "body":"h3. Synced","created":"2026-11-25T12:15:30.000+0200"}""");

        JiraComment comment = client(false).addComment("PAY-1", new TextNode("h3. Synced"));

        assertThat(sent).singleElement().satisfies(r -> assertThat(r.body()).isEqualTo("{\"body\":\"h3. Synced\"}"));
        assertThat(comment.authorAccountId()).isEqualTo("beth");
        assertThat(comment.created()).isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
        assertThat(comment.body().asText()).isEqualTo("h3. Synced");
    }

    @Test
    void aServerUserIsLookedUpByUsernameAndKnownByName() {
        answer("GET /rest/api/2/user/search", 200, """
                [{"name":"beth.a","key":"JIRAUSER1","emailAddress":"beth.anglin@example.com","displayName":"Beth"}]""");

        assertThat(client(false).accountIdByEmail("beth.anglin@example.com")).contains("beth.a");
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.query())
                .containsExactly(new OutboundRequest.QueryParam("username", "beth.anglin@example.com")));
    }

    @Test
    void theTimeZoneJiraNamesIsUsedAndUtcWhenItNamesNoneOrOneUnknown() {
        answer("GET /rest/api/2/myself", 200, "{\"name\":\"bot\",\"timeZone\":\"Europe/Berlin\"}");
        assertThat(client(false).userTimeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));

        answer("GET /rest/api/2/myself", 200, "{\"name\":\"bot\"}");
        assertThat(client(false).userTimeZone()).isEqualTo(ZoneOffset.UTC);

        answer("GET /rest/api/2/myself", 200, "{\"name\":\"bot\",\"timeZone\":\"Mars/Olympus\"}");
        assertThat(client(false).userTimeZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void updatedIsReadWithItsOffset() {
        answer("GET /rest/api/3/issue/PAY-1", 200, """
                {"id":"10001","key":"PAY-1","fields":{"summary":"x","updated":"2026-11-25T12:15:30.250+0200"}}""");

        JiraIssue issue = client(true).find("PAY-1", List.of("summary")).orElseThrow();

        assertThat(issue.updated()).isEqualTo(Instant.parse("2026-11-25T10:15:30.250Z"));
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.query())
                .containsExactly(new OutboundRequest.QueryParam("fields", "summary,updated")));
    }

    @Test
    void aServerTransitionGoesThroughTheV2Paths() {
        answer("GET /rest/api/2/issue/PAY-1", 200, "{\"id\":\"1\",\"key\":\"PAY-1\",\"fields\":{\"status\":{\"name\":\"Open\"}}}");
        answer("GET /rest/api/2/issue/PAY-1/transitions", 200, """
                {"transitions":[{"id":"5","name":"Resolve Issue","to":{"name":"Resolved"},"fields":{}}]}""");
        answer("POST /rest/api/2/issue/PAY-1/transitions", 204, "");

        client(false).transitionTo("PAY-1", "resolved", null);

        assertThat(sent).extracting(OutboundRequest::describe).containsExactly("GET /rest/api/2/issue/PAY-1",
                "GET /rest/api/2/issue/PAY-1/transitions", "POST /rest/api/2/issue/PAY-1/transitions");
        assertThat(sent.get(2).body()).isEqualTo("{\"transition\":{\"id\":\"5\"}}");
    }
}
