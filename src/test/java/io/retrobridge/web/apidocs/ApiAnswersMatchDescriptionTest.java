package io.retrobridge.web.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import io.retrobridge.testsupport.KeyedApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Real answers of the API, with data behind them, checked against the description the application serves: a
 * field the description leaves out, a wrong type, a status it does not list or a missing key fail the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + ApiAnswersMatchDescriptionTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class ApiAnswersMatchDescriptionTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Lm3nB8vC5xZ1qW7e";
    private static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");

    @LocalServerPort
    int port;

    @Autowired
    Journal journal;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    JdbcClient jdbc;

    KeyedApi api;
    OwnApiValidator description;

    @BeforeEach
    void fetchTheDescription() {
        jdbc.sql("DELETE FROM dead_letters").update();
        jdbc.sql("DELETE FROM inbound_events").update();
        jdbc.sql("DELETE FROM journal").update();
        api = new KeyedApi(port);
        description = OwnApiValidator.served(api, ADMIN_KEY);
    }

    @Test
    void adminReadsMatchTheDescription() {
        UUID link = UUID.randomUUID();
        ExternalRef issue = new ExternalRef(ExternalSystem.JIRA, "RB-12");
        journal.append(JournalEntry.of(T0, null, issue, JournalAction.RECEIVED, "jira:issue_created received",
                List.of(), null));
        journal.append(JournalEntry.of(T0.plusSeconds(60), link, issue, JournalAction.WROTE,
                "Created problem_task PTASK0010001", List.of("action-items.create"), "short_description=Add canary"));
        DeadLetter letter = deadLetters.park(DeadLetter.park(event("RB-7"), "HTTP 500 from ServiceNow", 5, T0));
        deadLetters.park(DeadLetter.park(event("RB-8"), "mapping rule failed", 1, T0.plusSeconds(1)));

        assertMatches(
                api.get("/api/whoami", ADMIN_KEY),
                api.get("/api/admin/settings", ADMIN_KEY),
                api.get("/api/admin/journal?system=jira&id=RB-12", ADMIN_KEY),
                api.get("/api/admin/dead-letters", ADMIN_KEY),
                api.get("/api/admin/dead-letters?offset=1&limit=1", ADMIN_KEY),
                api.get("/api/admin/dead-letters/" + letter.id(), ADMIN_KEY),
                api.get("/api/admin/inbox", ADMIN_KEY),
                api.get("/api/admin/sync/status", ADMIN_KEY),
                api.get("/api/admin/mappings", ADMIN_KEY),
                api.get("/api/admin/escalations", VIEWER_KEY),
                api.get("/api/reports/follow-up", VIEWER_KEY));
    }

    @Test
    void adminWritesAndTheAuditTheyLeaveMatchTheDescription() {
        DeadLetter letter = deadLetters.park(DeadLetter.park(event("RB-9"), "HTTP 503 from Jira", 6, T0));

        HttpResponse<String> replay = api.post("/api/admin/dead-letters/" + letter.id() + "/replay", ADMIN_KEY);
        HttpResponse<String> validate = api.post("/api/admin/mappings/validate", ADMIN_KEY);
        HttpResponse<String> invalidEdit = postText("/api/admin/mappings/validate?file=action-items.yaml",
                "version: 1\nfields: [\n");

        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(validate.statusCode()).isEqualTo(200);
        assertThat(invalidEdit.statusCode()).isEqualTo(422);
        assertMatches(replay, validate, invalidEdit, api.get("/api/admin/audit", ADMIN_KEY));
    }

    @Test
    void refusalsMatchTheDescription() {
        HttpResponse<String> forbidden = api.get("/api/admin/dead-letters", VIEWER_KEY);
        HttpResponse<String> unauthorized = api.get("/api/admin/journal?system=jira&id=RB-1", null);

        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertMatches(forbidden);
        // The call lacks the key the description asks for on purpose; only its answer is checked.
        assertThat(description.answerProblems(unauthorized)).isEmpty();
    }

    private HttpResponse<String> postText(String path, String yaml) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", ADMIN_KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(yaml)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void assertMatches(HttpResponse<?>... answers) {
        List<String> problems = new ArrayList<>();
        for (HttpResponse<?> answer : answers) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> text = (HttpResponse<String>) answer;
            problems.addAll(description.problems(text));
        }
        assertThat(problems).as("answers the description does not allow").isEmpty();
    }

    private static InboundEvent event(String issueKey) {
        return InboundEvent.received(ExternalSystem.JIRA, "jira:issue_updated", issueKey,
                "jira:jira:issue_updated:" + issueKey + ":" + UUID.randomUUID(), T0,
                "{\"issue\":{\"key\":\"" + issueKey + "\"}}");
    }
}
