package io.retrobridge.web.admin;

import static io.retrobridge.testsupport.KeyedApi.assertError;
import static io.retrobridge.testsupport.KeyedApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.testsupport.KeyedApi;
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

/** Every admin action leaves an audit entry with the key's name, read back at GET /api/admin/audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=ops-admin",
        "retrobridge.security.api-keys[0].key=" + AdminAuditApiTest.OPS_KEY,
        "retrobridge.security.api-keys[0].role=admin",
        "retrobridge.security.api-keys[1].name=grafana",
        "retrobridge.security.api-keys[1].key=" + AdminAuditApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[1].role=viewer"})
@ActiveProfiles("test")
class AdminAuditApiTest {

    static final String OPS_KEY = "opsk-Lw3nB8vC1xZ6qJ4t";
    static final String VIEWER_KEY = "view-Pn2mK7dR9sW4yT1e";

    @LocalServerPort
    int port;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    JdbcClient jdbc;

    KeyedApi api;

    @BeforeEach
    void emptyAudit() {
        api = new KeyedApi(port);
        jdbc.sql("DELETE FROM admin_audit").update();
    }

    @Test
    void replayScanReloadPreviewAndBackfillAreKeptWithTheKeyNameAndOutcome() {
        Instant now = Instant.now();
        DeadLetter letter = deadLetters.park(DeadLetter.park(InboundEvent.received(ExternalSystem.JIRA,
                "jira:issue_updated", "10003", "jira:10003:" + UUID.randomUUID(), now, "{}"), "HTTP 500", 5, now));

        assertThat(api.post("/api/admin/dead-letters/" + letter.id() + "/replay", OPS_KEY).statusCode()).isEqualTo(202);
        int scan = api.post("/api/admin/escalations/scan", OPS_KEY).statusCode();
        assertThat(api.post("/api/admin/mappings/reload", OPS_KEY).statusCode()).isEqualTo(200);
        int preview = api.get("/api/admin/mappings/preview?system=jira&id=PAY-4", OPS_KEY).statusCode();
        assertThat(api.post("/api/admin/dead-letters/" + letter.id() + "/replay", OPS_KEY).statusCode())
                .as("a second replay is refused, and kept as refused").isEqualTo(409);
        api.get("/api/admin/dead-letters", OPS_KEY);

        JsonNode page = json(ok(api.get("/api/admin/audit?key=ops-admin", OPS_KEY)));

        List<String> actions = new ArrayList<>();
        page.get("items").forEach(item -> actions.add(item.get("action").asText()));
        assertThat(actions).as("newest first; reads are not actions").containsExactly(
                "replay", "preview", "reload", "scan", "replay");
        assertThat(page.get("total").asLong()).isEqualTo(5);
        page.get("items").forEach(item -> assertThat(item.get("keyName").asText()).isEqualTo("ops-admin"));
        JsonNode firstReplay = page.get("items").get(4);
        assertThat(firstReplay.get("target").asText()).isEqualTo("dead-letter " + letter.id());
        assertThat(firstReplay.get("status").asInt()).isEqualTo(202);
        assertThat(firstReplay.get("outcome").asText()).isEqualTo("ok");
        assertThat(page.get("items").get(0).get("outcome").asText()).isEqualTo("refused");
        assertThat(page.get("items").get(1).get("target").asText()).isEqualTo("system=jira&id=PAY-4");
        assertThat(page.get("items").get(1).get("status").asInt()).isEqualTo(preview);
        assertThat(page.get("items").get(3).get("status").asInt()).isEqualTo(scan);
        assertThat(page.toString()).doesNotContain(OPS_KEY);
    }

    @Test
    void theLogIsFilteredByActionAndTimeAndPaged() {
        Instant before = Instant.now().minusSeconds(1);
        api.post("/api/admin/mappings/reload", OPS_KEY);
        api.post("/api/admin/mappings/reload", OPS_KEY);
        api.post("/api/admin/mappings/validate", OPS_KEY);

        JsonNode reloads = json(ok(api.get("/api/admin/audit?action=reload&limit=1", OPS_KEY)));
        assertThat(reloads.get("total").asLong()).isEqualTo(2);
        assertThat(reloads.get("items")).hasSize(1);
        assertThat(json(ok(api.get("/api/admin/audit?action=validate", OPS_KEY))).get("total").asLong()).isEqualTo(1);
        assertThat(json(ok(api.get("/api/admin/audit?from=" + before, OPS_KEY))).get("total").asLong()).isEqualTo(3);
        assertThat(json(ok(api.get("/api/admin/audit?to=" + before, OPS_KEY))).get("total").asLong()).isZero();
        assertThat(json(ok(api.get("/api/admin/audit?key=someone-else", OPS_KEY))).get("total").asLong()).isZero();
    }

    @Test
    void onlyAdminsReadTheLogAndBadFiltersAreRefused() {
        assertThat(api.get("/api/admin/audit", VIEWER_KEY).statusCode()).isEqualTo(403);
        assertThat(api.get("/api/admin/audit", null).statusCode()).isEqualTo(401);
        assertError(api.get("/api/admin/audit?from=yesterday", OPS_KEY), 400, "from must be an instant");
        assertError(api.get("/api/admin/audit?limit=0", OPS_KEY), 400, "between 1 and 500");
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
