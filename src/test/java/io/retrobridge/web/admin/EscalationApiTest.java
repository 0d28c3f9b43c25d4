package io.retrobridge.web.admin;

import io.retrobridge.testsupport.KeyedApi;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** What the escalation scan did, as an admin or a viewer sees it over HTTP; real stores on H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + EscalationApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class EscalationApiTest {

    // The same keys as the other admin API tests, so they share one running application.
    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String VIEWER_KEY = "view-Rt5uY8iO2pA4sD6f";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    EscalationStore escalations;

    @Autowired
    FollowUpStore facts;

    @Autowired
    JdbcClient jdbc;


    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM escalations").update();
        jdbc.sql("DELETE FROM escalation_group_tickets").update();
        jdbc.sql("DELETE FROM follow_up_facts").update();
    }

    private EscalationRecord claim(String itemKey, String stepId, String kind, String boardId, Instant at) {
        EscalationRecord claim = new EscalationRecord(UUID.randomUUID(), itemKey, "standard", stepId, boardId, kind,
                boardId == null ? null : ExternalSystem.SERVICENOW, null, null, null,
                boardId == null ? null : "rb-esc-" + stepId, EscalationState.CLAIMED, 5, at, null, null, null);
        assertThat(escalations.claim(claim)).isTrue();
        return claim;
    }

    private void fact(String itemKey, String displayKey) {
        facts.save(new FollowUpFact(itemKey, displayKey, "Add a canary stage", "PRB0040001", "Payments",
                "alice@example.com", LocalDate.of(2026, 11, 15), "open", null, true, T0));
    }

    @Test
    void allEscalationsComeNewestFirstWithTheItemsDisplayKeyAndTicket() {
        fact("rb-1", "PTASK0010001");
        EscalationRecord reminder = claim("rb-1", "remind", "remind", null, T0);
        escalations.markRaised(reminder.id(), null, null, T0.plusSeconds(1), "Reminded Alice on PTASK0010001");
        EscalationRecord ticket = claim("rb-1", "cab", "ticket", "cab", T0.plusSeconds(3600));
        escalations.markRaised(ticket.id(), "a1b2", "SCTASK0010001", T0.plusSeconds(3601),
                "Escalated PTASK0010001 to Change Advisory Board: SCTASK0010001");
        claim("rb-2", "remind", "remind", null, T0.plusSeconds(7200));

        JsonNode page = json(get("/api/admin/escalations", ADMIN_KEY));

        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("limit").asInt()).isEqualTo(50);
        assertThat(page.get("state").isNull()).isTrue();
        JsonNode items = page.get("items");
        assertThat(items).extracting(n -> n.get("itemKey").asText() + " " + n.get("stepId").asText())
                .containsExactly("rb-2 remind", "rb-1 cab", "rb-1 remind");
        JsonNode cab = items.get(1);
        assertThat(cab.get("id").asText()).isEqualTo(ticket.id().toString());
        assertThat(cab.get("itemDisplayKey").asText()).isEqualTo("PTASK0010001");
        assertThat(cab.get("state").asText()).isEqualTo("raised");
        assertThat(cab.get("boardId").asText()).isEqualTo("cab");
        assertThat(cab.get("ticketSystem").asText()).isEqualTo("servicenow");
        assertThat(cab.get("ticketKey").asText()).isEqualTo("SCTASK0010001");
        assertThat(cab.get("raisedAt").asText()).isEqualTo("2026-11-20T10:00:01Z");
        assertThat(cab.get("note").asText()).isEqualTo("Escalated PTASK0010001 to Change Advisory Board: SCTASK0010001");
        assertThat(items.get(0).get("itemDisplayKey").isNull()).as("no fact of rb-2 yet").isTrue();
        assertThat(items.get(0).get("state").asText()).isEqualTo("claimed");
    }

    @Test
    void theListIsFilteredByStateAndPaged() {
        for (int i = 0; i < 4; i++) {
            EscalationRecord record = claim("rb-" + i, "cab", "ticket", "cab", T0.plusSeconds(i * 60L));
            if (i % 2 == 0) {
                escalations.markRaised(record.id(), "s" + i, "SCTASK" + i, T0.plusSeconds(i * 60L + 1), "raised");
            }
        }

        JsonNode raised = json(get("/api/admin/escalations?state=RAISED", ADMIN_KEY));
        JsonNode secondClaimed = json(get("/api/admin/escalations?state=claimed&offset=1&limit=1", ADMIN_KEY));

        assertThat(raised.get("state").asText()).isEqualTo("raised");
        assertThat(raised.get("items")).extracting(n -> n.get("itemKey").asText()).containsExactly("rb-2", "rb-0");
        assertThat(secondClaimed.get("items")).extracting(n -> n.get("itemKey").asText()).containsExactly("rb-1");
        assertThat(json(get("/api/admin/escalations?state=resolved", ADMIN_KEY)).get("items")).isEmpty();
    }

    @Test
    void badListQueriesAreRefusedNamingTheParameterAndWhatIsAllowed() {
        assertError(get("/api/admin/escalations?state=open", ADMIN_KEY), 400,
                "state 'open' is not known; use one of: claimed, raised, parked, resolved");
        assertError(get("/api/admin/escalations?limit=501", ADMIN_KEY), 400, "limit must be between 1 and 500");
        assertError(get("/api/admin/escalations?limit=0", ADMIN_KEY), 400, "limit must be between 1 and 500");
        assertError(get("/api/admin/escalations?offset=-1", ADMIN_KEY), 400, "offset must be 0 or more");
        assertError(get("/api/admin/escalations?offset=two", ADMIN_KEY), 400, "offset 'two' is not a whole number");
        assertError(get("/api/admin/escalations?item=rb-1&state=raised", ADMIN_KEY), 400, "without state, offset and limit");
        assertError(get("/api/admin/escalations?item=%20", ADMIN_KEY), 400, "item is empty");
    }

    @Test
    void oneItemsHistoryIsFoundByItemKeyOrDisplayKeyOldestFirst() {
        fact("rb-1", "PTASK0010001");
        EscalationRecord reminder = claim("rb-1", "remind", "remind", null, T0);
        EscalationRecord ticket = claim("rb-1", "cab", "ticket", "cab", T0.plusSeconds(3600));
        claim("rb-2", "remind", "remind", null, T0.plusSeconds(60));

        JsonNode byItemKey = json(get("/api/admin/escalations?item=rb-1", VIEWER_KEY));
        JsonNode byDisplayKey = json(get("/api/admin/escalations?item=PTASK0010001", VIEWER_KEY));

        for (JsonNode history : List.of(byItemKey, byDisplayKey)) {
            assertThat(history.get("itemKey").asText()).isEqualTo("rb-1");
            assertThat(history.get("itemDisplayKey").asText()).isEqualTo("PTASK0010001");
            assertThat(history.get("escalations")).extracting(n -> n.get("id").asText())
                    .containsExactly(reminder.id().toString(), ticket.id().toString());
        }
    }

    @Test
    void anItemWithoutEscalationsIsEmptyAndAnUnknownOneIsNotFound() {
        fact("rb-7", "PAY-7");

        JsonNode quiet = json(get("/api/admin/escalations?item=PAY-7", ADMIN_KEY));

        assertThat(quiet.get("itemKey").asText()).isEqualTo("rb-7");
        assertThat(quiet.get("escalations")).isEmpty();
        assertError(get("/api/admin/escalations?item=PAY-404", ADMIN_KEY), 404, "Nothing is known of item 'PAY-404'");
    }

    @Test
    void viewersMayReadEscalationsButNotTheRestOfTheAdminApiNorRunAScan() {
        claim("rb-1", "remind", "remind", null, T0);

        assertThat(get("/api/admin/escalations", VIEWER_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/escalations?item=rb-1", VIEWER_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/escalations", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/escalations", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/escalations", "not-a-key-123456").statusCode()).isEqualTo(401);

        HttpResponse<String> scan = post("/api/admin/escalations/scan", VIEWER_KEY);
        assertThat(scan.statusCode()).isEqualTo(403);
        assertThat(json(scan).get("requiredRole").asText()).isEqualTo("admin");
        assertThat(get("/api/admin/dead-letters", VIEWER_KEY).statusCode()).isEqualTo(403);
        assertThat(get("/api/admin/escalations/other", VIEWER_KEY).statusCode()).isEqualTo(403);
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
