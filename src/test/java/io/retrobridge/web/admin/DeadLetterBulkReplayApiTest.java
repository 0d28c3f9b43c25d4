package io.retrobridge.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Replaying dead letters in bulk by system, kind of failure and time, over HTTP with real keys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + DeadLetterBulkReplayApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class DeadLetterBulkReplayApiTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Rt5uY8iO2pA4sD6f";
    private static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");

    @LocalServerPort
    int port;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM dead_letters").update();
        jdbc.sql("DELETE FROM inbound_events").update();
    }

    @Test
    void theLettersMatchingSystemKindAndTimeAreRequeuedOnceAndCounted() {
        DeadLetter jiraLimited = park(ExternalSystem.JIRA, "RB-1", "rate_limited", T0.plusSeconds(60));
        DeadLetter jiraLimitedLater = park(ExternalSystem.JIRA, "RB-2", "rate_limited", T0.plusSeconds(7200));
        DeadLetter jiraServerError = park(ExternalSystem.JIRA, "RB-3", "server_error", T0.plusSeconds(120));
        DeadLetter serviceNowLimited = park(ExternalSystem.SERVICENOW, "abc123", "rate_limited", T0.plusSeconds(180));

        assertThat(KeyedApi.json(new KeyedApi(port).get("/api/admin/dead-letters/" + jiraServerError.id(), ADMIN_KEY))
                .get("kind").asText()).as("the kind to filter by is shown").isEqualTo("server_error");

        HttpResponse<String> response = post("/api/admin/dead-letters/replay?system=jira&kind=rate_limited"
                + "&from=2026-03-02T09:00:00Z&to=2026-03-02T10:30:00Z", ADMIN_KEY);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode answer = KeyedApi.json(response);
        assertThat(answer.get("replayed").asInt()).isEqualTo(1);
        assertThat(answer.get("deadLetters")).extracting(JsonNode::asText).containsExactly(jiraLimited.id().toString());
        assertThat(answer.get("filter").get("system").asText()).isEqualTo("jira");
        assertThat(replayed(jiraLimited)).isTrue();
        assertThat(List.of(replayed(jiraLimitedLater), replayed(jiraServerError), replayed(serviceNowLimited)))
                .containsOnly(false);
        assertThat(waitingEntities()).containsExactly("RB-1");

        JsonNode again = KeyedApi.json(post("/api/admin/dead-letters/replay?system=jira&kind=rate_limited"
                + "&from=2026-03-02T09:00:00Z&to=2026-03-02T10:30:00Z", ADMIN_KEY));
        assertThat(again.get("replayed").asInt()).as("a letter is replayed once").isZero();

        JsonNode byKind = KeyedApi.json(post("/api/admin/dead-letters/replay?kind=rate_limited", ADMIN_KEY));
        assertThat(byKind.get("replayed").asInt()).isEqualTo(2);
        assertThat(waitingEntities()).containsExactlyInAnyOrder("RB-1", "RB-2", "abc123");
        assertThat(replayed(jiraServerError)).isFalse();
    }

    @Test
    void badFiltersAreRefusedAndReplayNothing() {
        DeadLetter letter = park(ExternalSystem.JIRA, "RB-1", "rate_limited", T0);

        KeyedApi.assertError(post("/api/admin/dead-letters/replay", ADMIN_KEY), 400, "Name which dead letters");
        KeyedApi.assertError(post("/api/admin/dead-letters/replay?system=github", ADMIN_KEY), 400, "use jira, servicenow");
        KeyedApi.assertError(post("/api/admin/dead-letters/replay?kind=Rate-Limited!", ADMIN_KEY), 400,
                "is not a kind of failure");
        KeyedApi.assertError(post("/api/admin/dead-letters/replay?from=yesterday", ADMIN_KEY), 400,
                "not an ISO-8601 instant");
        KeyedApi.assertError(post("/api/admin/dead-letters/replay?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z",
                ADMIN_KEY), 400, "must be before");
        assertThat(post("/api/admin/dead-letters/replay?all=true", VIEWER_KEY).statusCode()).isEqualTo(403);
        assertThat(post("/api/admin/dead-letters/replay?all=true", null).statusCode()).isEqualTo(401);

        assertThat(replayed(letter)).isFalse();
        assertThat(waitingEntities()).isEmpty();

        assertThat(KeyedApi.json(post("/api/admin/dead-letters/replay?all=true", ADMIN_KEY)).get("replayed").asInt())
                .isEqualTo(1);
    }

    private DeadLetter park(ExternalSystem system, String entityId, String kind, Instant at) {
        InboundEvent event = InboundEvent.received(system, system == ExternalSystem.JIRA ? "jira:issue_updated"
                : "servicenow:problem_task_updated", entityId, "k:" + entityId + ":" + UUID.randomUUID(), at, "{}");
        return deadLetters.park(DeadLetter.park(event, kind, "failed: " + kind, 1, at));
    }

    private boolean replayed(DeadLetter letter) {
        return deadLetters.find(letter.id()).orElseThrow().isReplayed();
    }

    private List<String> waitingEntities() {
        return jdbc.sql("SELECT entity_id FROM inbound_events WHERE status = 'PENDING'").query(String.class).list();
    }

    private HttpResponse<String> post(String path, String key) {
        return new KeyedApi(port).post(path, key);
    }
}
