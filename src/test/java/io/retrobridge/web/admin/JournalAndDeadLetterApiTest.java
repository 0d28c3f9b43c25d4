package io.retrobridge.web.admin;

import io.retrobridge.testsupport.KeyedApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Journal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The admin's view of the journal and the dead letters, over HTTP with real keys. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + JournalAndDeadLetterApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class JournalAndDeadLetterApiTest {

    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Rt5uY8iO2pA4sD6f";
    private static final Instant T0 = Instant.parse("2026-03-02T09:30:00Z");

    @LocalServerPort
    int port;

    @Autowired
    Journal journal;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    JdbcClient jdbc;


    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM dead_letters").update();
        jdbc.sql("DELETE FROM inbound_events").update();
        jdbc.sql("DELETE FROM journal").update();
    }

    @Test
    void theJournalOfOneRecordComesNewestFirstWithWhyItChanged() {
        UUID link = UUID.randomUUID();
        ExternalRef issue = new ExternalRef(ExternalSystem.JIRA, "RB-12");
        journal.append(JournalEntry.of(T0, null, issue, JournalAction.RECEIVED, "jira:issue_created received",
                List.of(), null));
        journal.append(JournalEntry.of(T0.plusSeconds(60), link, issue, JournalAction.WROTE,
                "Created problem_task PTASK0010001", List.of("action-items.create", "scope.team"), "short_description=Add canary"));
        journal.append(JournalEntry.of(T0.plusSeconds(30), link, new ExternalRef(ExternalSystem.JIRA, "RB-13"),
                JournalAction.SKIPPED, "another issue", List.of(), null));
        journal.append(JournalEntry.of(T0.plusSeconds(90), link, new ExternalRef(ExternalSystem.SERVICENOW, "RB-12"),
                JournalAction.WROTE, "same id, other system", List.of(), null));

        HttpResponse<String> response = get("/api/admin/journal?system=jira&id=RB-12", ADMIN_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode entries = json(response).get("entries");
        assertThat(entries).hasSize(2);
        JsonNode newest = entries.get(0);
        assertThat(newest.get("at").asText()).isEqualTo("2026-03-02T09:31:00Z");
        assertThat(newest.get("action").asText()).isEqualTo("WROTE");
        assertThat(newest.get("summary").asText()).isEqualTo("Created problem_task PTASK0010001");
        assertThat(newest.get("ruleIds")).extracting(JsonNode::asText).containsExactly("action-items.create", "scope.team");
        assertThat(newest.get("detail").asText()).isEqualTo("short_description=Add canary");
        assertThat(newest.get("linkId").asText()).isEqualTo(link.toString());
        assertThat(entries.get(1).get("action").asText()).isEqualTo("RECEIVED");
        assertThat(entries.get(1).get("linkId").isNull()).isTrue();

        JsonNode limited = json(get("/api/admin/journal?system=JIRA&id=RB-12&limit=1", ADMIN_KEY)).get("entries");
        assertThat(limited).hasSize(1);
        assertThat(limited.get(0).get("action").asText()).isEqualTo("WROTE");
    }

    @Test
    void wrongJournalQueriesAreRefusedSayingWhatIsAllowed() {
        assertError(get("/api/admin/journal?system=github&id=RB-12", ADMIN_KEY), 400, "jira, servicenow");
        assertError(get("/api/admin/journal?id=RB-12", ADMIN_KEY), 400, "system is required");
        assertError(get("/api/admin/journal?system=jira", ADMIN_KEY), 400, "id is required");
        assertError(get("/api/admin/journal?system=jira&id=RB-12&limit=0", ADMIN_KEY), 400, "between 1 and 500");
        assertError(get("/api/admin/journal?system=jira&id=RB-12&limit=ten", ADMIN_KEY), 400, "limit 'ten' is not a whole number");
    }

    @Test
    void deadLettersArePagedNewestFirstWithTheirTotal() {
        List<DeadLetter> parked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parked.add(deadLetters.park(DeadLetter.park(event("RB-" + i), "HTTP 500 from ServiceNow (attempt " + i + ")",
                    5, T0.plusSeconds(i))));
        }

        JsonNode page = json(get("/api/admin/dead-letters?offset=1&limit=1", ADMIN_KEY));

        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(1);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo(parked.get(1).id().toString());
        assertThat(item.get("attempts").asInt()).isEqualTo(5);
        assertThat(item.get("error").asText()).contains("HTTP 500");
        assertThat(item.get("replayedAt").isNull()).isTrue();
        assertThat(item.get("event").get("entityId").asText()).isEqualTo("RB-1");
        assertThat(item.get("event").get("source").asText()).isEqualTo("jira");
        assertThat(json(get("/api/admin/dead-letters", ADMIN_KEY)).get("items")).extracting(n -> n.get("id").asText())
                .containsExactly(parked.get(2).id().toString(), parked.get(1).id().toString(), parked.get(0).id().toString());
        assertError(get("/api/admin/dead-letters?offset=-1", ADMIN_KEY), 400, "offset must be 0 or more");
    }

    @Test
    void oneDeadLetterShowsItsPayloadAndUnknownIdsAreNotFound() {
        DeadLetter letter = deadLetters.park(DeadLetter.park(event("RB-7"), "mapping rule failed", 1, T0));

        JsonNode shown = json(get("/api/admin/dead-letters/" + letter.id(), ADMIN_KEY));

        assertThat(shown.get("payload").asText()).isEqualTo(letter.event().payload());
        assertThat(shown.get("event").get("kind").asText()).isEqualTo("jira:issue_updated");
        assertError(get("/api/admin/dead-letters/" + UUID.randomUUID(), ADMIN_KEY), 404, "There is no dead letter");
        assertError(get("/api/admin/dead-letters/not-a-uuid", ADMIN_KEY), 400, "id 'not-a-uuid' is not an id");
        assertError(post("/api/admin/dead-letters/" + UUID.randomUUID() + "/replay", ADMIN_KEY), 404, "There is no dead letter");
    }

    @Test
    void aReplayRequeuesTheEventExactlyOnce() throws Exception {
        DeadLetter letter = deadLetters.park(DeadLetter.park(event("RB-9"), "HTTP 503 from Jira", 6, T0));
        assertThat(pending()).isZero();

        HttpResponse<String> first = post("/api/admin/dead-letters/" + letter.id() + "/replay", ADMIN_KEY);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json(first).get("dedupKey").asText()).isEqualTo(letter.event().dedupKey() + "#replay-1");
        assertThat(pending()).isEqualTo(1);
        Map<String, Object> requeued = jdbc.sql("SELECT * FROM inbound_events").query().singleRow();
        assertThat(requeued.get("ENTITY_ID")).isEqualTo("RB-9");
        assertThat(requeued.get("PAYLOAD")).isEqualTo(letter.event().payload());
        assertThat(requeued.get("STATUS")).isEqualTo("PENDING");
        assertThat(json(get("/api/admin/dead-letters/" + letter.id(), ADMIN_KEY)).get("replayedAt").isNull()).isFalse();

        assertError(post("/api/admin/dead-letters/" + letter.id() + "/replay", ADMIN_KEY), 409, "already replayed");
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void concurrentReplaysOfOneLetterQueueItOnce() throws Exception {
        DeadLetter letter = deadLetters.park(DeadLetter.park(event("RB-10"), "HTTP 503 from Jira", 6, T0));
        ExecutorService admins = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> post("/api/admin/dead-letters/" + letter.id() + "/replay", ADMIN_KEY).statusCode());
            }
            for (Future<Integer> status : admins.invokeAll(calls)) {
                statuses.add(status.get());
            }
        } finally {
            admins.shutdownNow();
        }
        assertThat(statuses).containsOnly(202, 409).filteredOn(status -> status == 202).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_events").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReplayOfAReplayGetsTheNextNumber() {
        InboundEvent replayedOnce = InboundEvent.received(ExternalSystem.JIRA, "jira:issue_updated", "RB-11",
                "jira:jira:issue_updated:10011:2026-03-02T09:30:00.000+0000#replay-1", T0, "{}");
        DeadLetter letter = deadLetters.park(DeadLetter.park(replayedOnce, "failed again", 6, T0));

        HttpResponse<String> response = post("/api/admin/dead-letters/" + letter.id() + "/replay", ADMIN_KEY);

        assertThat(json(response).get("dedupKey").asText())
                .isEqualTo("jira:jira:issue_updated:10011:2026-03-02T09:30:00.000+0000#replay-2");
    }

    @Test
    void theInboxReportsWhatIsWaiting() {
        assertThat(pending()).isZero();
        jdbc.sql("INSERT INTO inbound_events (id, source_system, event_kind, entity_id, dedup_key, received_at, payload,"
                        + " status) VALUES (:id, 'JIRA', 'jira:issue_created', '10001', 'k-1', :at, '{}', 'PENDING')")
                .param("id", UUID.randomUUID()).param("at", java.time.OffsetDateTime.parse("2026-03-02T09:30:00Z")).update();
        assertThat(pending()).isEqualTo(1);
    }

    @Test
    void viewersAndAnonymousCallersCannotUseTheAdminApi() {
        DeadLetter letter = deadLetters.park(DeadLetter.park(event("RB-8"), "HTTP 500", 5, T0));
        for (String path : List.of("/api/admin/journal?system=jira&id=RB-8", "/api/admin/dead-letters",
                "/api/admin/dead-letters/" + letter.id(), "/api/admin/inbox")) {
            assertThat(get(path, VIEWER_KEY).statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
        }
        assertThat(post("/api/admin/dead-letters/" + letter.id() + "/replay", VIEWER_KEY).statusCode()).isEqualTo(403);
        assertThat(deadLetters.find(letter.id()).orElseThrow().isReplayed()).isFalse();
        assertThat(pending()).isZero();
    }

    private static InboundEvent event(String issueKey) {
        return InboundEvent.received(ExternalSystem.JIRA, "jira:issue_updated", issueKey,
                "jira:jira:issue_updated:" + issueKey + ":" + UUID.randomUUID(), T0,
                "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\"" + issueKey + "\"}}");
    }

    private long pending() {
        return json(get("/api/admin/inbox", ADMIN_KEY)).get("pending").asLong();
    }

    private void assertError(HttpResponse<String> response, int status, String message) {
        KeyedApi.assertError(response, status, message);
    }

    private HttpResponse<String> get(String path, String key) {
        return new KeyedApi(port).get(path, key);
    }

    private HttpResponse<String> post(String path, String key) {
        return new KeyedApi(port).post(path, key);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return KeyedApi.json(response);
    }
}
