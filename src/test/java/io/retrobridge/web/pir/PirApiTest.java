package io.retrobridge.web.pir;

import static io.retrobridge.testsupport.KeyedApi.assertError;
import static io.retrobridge.testsupport.KeyedApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.DeploymentTelemetry;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummary.DataGap;
import io.retrobridge.domain.PirSummary.MetricRow;
import io.retrobridge.domain.PirSummary.TimelineEntry;
import io.retrobridge.domain.Verdict;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.PirStore;
import io.retrobridge.testsupport.KeyedApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** A change's PIR summary read through the API by a viewer, and a collection asked for by an admin. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=release-manager",
        "retrobridge.security.api-keys[0].key=" + PirApiTest.ADMIN_KEY,
        "retrobridge.security.api-keys[0].role=admin",
        "retrobridge.security.api-keys[1].name=grafana",
        "retrobridge.security.api-keys[1].key=" + PirApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[1].role=viewer"})
@ActiveProfiles("test")
class PirApiTest {

    static final String ADMIN_KEY = "relm-Qz4nC8vB2xT6pJ1w";
    static final String VIEWER_KEY = "view-Hs3mK9dR2sW7yT5e";
    private static final Instant DEPLOYED = Instant.parse("2026-11-26T10:42:00Z");

    @LocalServerPort
    int port;
    @Autowired
    PirStore store;
    @Autowired
    ChangeRecordStore changes;
    @Autowired
    CurrentMappings mappings;
    @Autowired
    JdbcClient jdbc;

    KeyedApi api;
    private LoadedMappings shipped;

    @BeforeEach
    void setUp() {
        api = new KeyedApi(port);
        shipped = mappings.replace(withPirMetrics(mappings));
        jdbc.sql("DELETE FROM admin_audit").update();
    }

    @AfterEach
    void shippedMappingsAgain() {
        mappings.replace(shipped);
    }

    private static LoadedMappings withPirMetrics(CurrentMappings current) {
        LoadedMappings now = current.get();
        PirMetricsMapping pir = new PirMetricsMapping(new PirMetricsMapping.Collect(true, Set.of("production")),
                new PirMetricsMapping.Windows(Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(1),
                        Duration.ofMinutes(5)),
                new PirMetricsMapping.ServiceNames("production", Map.of()), List.of(), Map.of(),
                new PirMetricsMapping.Destinations(null, null));
        return new LoadedMappings(now.dir(), now.files(), now.actionItemsDefinition(), now.actionItems(),
                now.escalations(), now.changeRecords(), now.retrospectives(), Optional.of(pir),
                now.gates());
    }

    private static PirSummary summary(String change) {
        return new PirSummary("change:" + change, change, "payment-gateway", "production", "payments", "4.2.0",
                DEPLOYED, DEPLOYED.minusSeconds(3600), DEPLOYED.plusSeconds(3600),
                List.of(new MetricRow("error-rate", "Error rate", "ratio", 0.015, 0.08, Verdict.DEGRADED,
                        "sum(rate(http_errors{service=\"payments\"}[5m]))", "http://prometheus.test/graph?g0.expr=x",
                        null)),
                List.of(new TimelineEntry(DEPLOYED, "deployment-finished",
                                "payment-gateway 4.2.0 to production finished: SUCCESS", "https://ci.example.com/runs/7"),
                        new TimelineEntry(DEPLOYED.plusSeconds(480), "alert-fired", "PaymentsErrors fired (critical)",
                                "http://prometheus.test/graph?g0.expr=errors")),
                List.of(new DataGap("uncovered-failure-mode", "failure mode config-drift, named in retrospective "
                        + "change:" + change + ", is watched by no PIR metric or alert rule")),
                new DeploymentTelemetry("payment-gateway", "production", DEPLOYED.minusSeconds(3600),
                        DEPLOYED.plusSeconds(3600), 2, 0, 1, 0.5, Duration.ofSeconds(510), Duration.ofMinutes(12)),
                "Prometheus answered 503 Service Unavailable; asked again after 2026-11-26T12:00:00Z",
                Instant.parse("2026-11-26T11:45:00Z"), 2);
    }

    @Test
    void aViewerReadsTheSummaryWithEveryFigure() {
        store.save(summary("CHG0031001"));

        HttpResponse<String> response = api.get("/api/changes/CHG0031001/pir", VIEWER_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode pir = json(response);
        assertThat(pir.get("key").asText()).isEqualTo("change:CHG0031001");
        assertThat(pir.get("deployedAt").asText()).isEqualTo("2026-11-26T10:42:00Z");
        JsonNode metric = pir.get("metrics").get(0);
        assertThat(metric.get("before").asDouble()).isEqualTo(0.015);
        assertThat(metric.get("after").asDouble()).isEqualTo(0.08);
        assertThat(metric.get("changePercent").asDouble()).isCloseTo(433.333, offset(1e-3));
        assertThat(metric.get("verdict").asText()).isEqualTo("DEGRADED");
        assertThat(metric.get("graph").asText()).isEqualTo("http://prometheus.test/graph?g0.expr=x");
        assertThat(metric.get("query").asText()).isEqualTo("sum(rate(http_errors{service=\"payments\"}[5m]))");
        assertThat(pir.get("timeline")).extracting(entry -> entry.get("kind").asText())
                .containsExactly("deployment-finished", "alert-fired");
        assertThat(pir.get("timeline").get(0).get("link").asText()).isEqualTo("https://ci.example.com/runs/7");
        assertThat(pir.get("gaps").get(0).get("kind").asText()).isEqualTo("uncovered-failure-mode");
        assertThat(pir.get("telemetry").get("rollbacks").asInt()).isEqualTo(1);
        assertThat(pir.get("telemetry").get("medianDuration").asText()).isEqualTo("PT8M30S");
        assertThat(pir.get("complete").asBoolean()).isFalse();
        assertThat(pir.get("incomplete").asText()).startsWith("Prometheus answered 503");
        assertThat(pir.get("collectedAt").asText()).isEqualTo("2026-11-26T11:45:00Z");
        assertThat(pir.get("collections").asInt()).isEqualTo(2);
    }

    @Test
    void aReleaseWithoutChangeIsReadByApplicationEnvironmentAndVersion() {
        PirSummary withChange = summary("CHG0031002");
        store.save(new PirSummary("ledger@production@3.1.0", null, "ledger", "production", "ledger", "3.1.0",
                withChange.deployedAt(), withChange.from(), withChange.to(), withChange.metrics(), withChange.timeline(),
                List.of(), null, null, withChange.collectedAt(), 1));

        HttpResponse<String> response = api.get(
                "/api/deployments/pir?application=ledger&environment=Production&version=3.1.0", VIEWER_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("key").asText()).isEqualTo("ledger@production@3.1.0");
        assertThat(json(response).get("metrics").get(0).get("after").asDouble()).isEqualTo(0.08);
        assertError(api.get("/api/deployments/pir?application=ledger&environment=production&version=9.9.9",
                VIEWER_KEY), 404, "There is no PIR summary for ledger@production@9.9.9");
        assertError(api.get("/api/deployments/pir?application=led%22ger&environment=production&version=3.1.0",
                VIEWER_KEY), 400, "application must be 1 to 64 letters");
    }

    @Test
    void aChangeWithoutSummaryIsNotFoundAndAMalformedNumberRefused() {
        assertError(api.get("/api/changes/CHG0039999/pir", VIEWER_KEY), 404,
                "There is no PIR summary for CHG0039999 yet");
        assertError(api.get("/api/changes/CHG-1x/pir", VIEWER_KEY), 400,
                "'CHG-1x' is not a change number; send one like CHG0030001.");
        assertThat(api.get("/api/changes/CHG0031001/pir", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anAdminQueuesACollectionNowAndItIsAudited() {
        changes.save(new ChangeRecord("b1b2c3d4e5f60718293a4b5c6d7e8f91", "CHG0031002", "Payment gateway 4.2.0",
                "normal", ChangeState.REVIEW, null, null, null, "payment-gateway", null, null, null, DEPLOYED, null,
                null, DEPLOYED.plusSeconds(60)));

        HttpResponse<String> response = api.post("/api/changes/CHG0031002/pir/collect", ADMIN_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).get("key").asText()).isEqualTo("change:CHG0031002");
        Map<String, Object> queued = jdbc.sql("""
                        SELECT event_kind, source_system, payload FROM inbound_events WHERE entity_id = :entity
                        """).param("entity", "pir:change:CHG0031002").query().singleRow();
        assertThat(queued.get("EVENT_KIND")).isEqualTo("pir:collect");
        assertThat(queued.get("SOURCE_SYSTEM")).isEqualTo("RETROBRIDGE");
        assertThat((String) queued.get("PAYLOAD")).contains("\"why\":\"asked for by API key release-manager\"");
        Map<String, Object> audited = jdbc.sql("SELECT key_name, action, target, status FROM admin_audit").query()
                .singleRow();
        assertThat(audited.get("KEY_NAME")).isEqualTo("release-manager");
        assertThat(audited.get("ACTION")).isEqualTo("pir-collect");
        assertThat(audited.get("TARGET")).isEqualTo("change CHG0031002");
        assertThat(((Number) audited.get("STATUS")).intValue()).isEqualTo(202);
    }

    @Test
    void aViewerCannotQueueAndAnUnknownChangeIsNotFound() {
        assertThat(api.post("/api/changes/CHG0031003/pir/collect", VIEWER_KEY).statusCode()).isEqualTo(403);
        assertError(api.post("/api/changes/CHG0031003/pir/collect", ADMIN_KEY), 404,
                "RetroBridge knows no change CHG0031003");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE entity_id = 'pir:change:CHG0031003'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void withoutPirMetricsYamlNothingIsQueued() {
        mappings.replace(new LoadedMappings(shipped.dir(), shipped.files(), shipped.actionItemsDefinition(),
                shipped.actionItems(), shipped.escalations(), shipped.changeRecords(), shipped.retrospectives(),
                Optional.empty(), shipped.gates()));

        assertError(api.post("/api/changes/CHG0031004/pir/collect", ADMIN_KEY), 409,
                "there is no pir-metrics.yaml");
    }
}
