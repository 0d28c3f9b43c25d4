package io.retrobridge.insight.pir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.Verdict;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.sync.PirStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A deployment reported through the API queues its PIR collection in the real inbox, held until the after-window has
 * passed; once it has, the inbox worker collects it. No monitoring system is set up here, so the summary is kept
 * incomplete with that reason and the collection is not retried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=release-pipeline",
        "retrobridge.security.api-keys[0].key=" + PirCollectionFlowTest.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline"})
@ActiveProfiles("test")
class PirCollectionFlowTest {

    static final String PIPELINE_KEY = "pipe-Rt5nQ8wE3rT6yU2k";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    CurrentMappings mappings;
    @Autowired
    InboxWorker worker;
    @Autowired
    PirStore store;
    @Autowired
    JdbcClient jdbc;

    private LoadedMappings shipped;

    @BeforeEach
    void withPirMetrics() {
        LoadedMappings now = mappings.get();
        shipped = mappings.replace(new LoadedMappings(now.dir(), now.files(), now.actionItemsDefinition(),
                now.actionItems(), now.escalations(), now.changeRecords(), now.retrospectives(),
                Optional.of(PirStandIns.mapping()), now.gates()));
    }

    @AfterEach
    void shippedMappingsAgain() {
        mappings.replace(shipped);
    }

    private String reportDeployment(String application, Instant finishedAt) throws IOException, InterruptedException {
        ObjectNode event = JSON.createObjectNode();
        event.put("application", application);
        event.put("environment", "production");
        event.put("version", "1.0.0");
        event.put("pipeline", application + " release");
        event.put("runId", UUID.randomUUID().toString());
        event.put("runUrl", "https://ci.example.com/" + application + "/runs/1");
        event.put("startedAt", finishedAt.minus(Duration.ofMinutes(10)).toString());
        event.put("finishedAt", finishedAt.toString());
        event.put("result", "success");
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/events/deployments"))
                .header("Content-Type", "application/json").header("X-API-Key", PIPELINE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).path("event").asText();
    }

    private Map<String, Object> row(String where, String value) {
        return jdbc.sql("SELECT status, outcome_reason, not_before FROM inbound_events WHERE " + where + " = :value")
                .param("value", value).query().singleRow();
    }

    @Test
    void aFinishedProductionDeploymentIsCollectedOnceItsAfterWindowHasPassed() throws Exception {
        Instant finished = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        String reported = reportDeployment("pir-flow-done", finished);

        worker.drain();
        worker.drain();

        assertThat((String) row("id", reported).get("OUTCOME_REASON")).contains(
                "PIR figures for pir-flow-done@production@1.0.0 collected after " + finished.plus(Duration.ofHours(1)));
        Map<String, Object> collected = row("entity_id", "pir:pir-flow-done@production@1.0.0");
        assertThat(collected.get("STATUS")).isEqualTo("APPLIED");
        assertThat((String) collected.get("OUTCOME_REASON")).isEqualTo("PIR figures for "
                + "pir-flow-done@production@1.0.0 collected: error-rate no data; latency-p95 no data (collection 1); "
                + "incomplete: " + MetricCollection.NO_MONITORING + "; no change record to write to");
        PirSummary summary = store.find("pir-flow-done@production@1.0.0").orElseThrow();
        assertThat(summary.deployedAt()).isEqualTo(finished);
        assertThat(summary.incomplete()).isEqualTo(MetricCollection.NO_MONITORING);
        assertThat(summary.metrics()).extracting(PirSummary.MetricRow::verdict).containsOnly(Verdict.NO_DATA);
        assertThat(summary.timeline()).extracting(PirSummary.TimelineEntry::kind)
                .containsExactly("deployment-started", "deployment-finished");
        assertThat(summary.telemetry().deployments()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE entity_id = :entity")
                .param("entity", "pir:pir-flow-done@production@1.0.0").query(Long.class).single())
                .as("no monitoring set up: nothing to retry").isEqualTo(1);
    }

    @Test
    void aDeploymentJustFinishedWaitsForItsAfterWindow() throws Exception {
        Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        reportDeployment("pir-flow-waiting", finished);

        worker.drain();
        worker.drain();

        Map<String, Object> waiting = row("entity_id", "pir:pir-flow-waiting@production@1.0.0");
        assertThat(waiting.get("STATUS")).isEqualTo("PENDING");
        assertThat(((OffsetDateTime) waiting.get("NOT_BEFORE")).toInstant())
                .isEqualTo(finished.plus(Duration.ofHours(1)));
        assertThat(store.find("pir-flow-waiting@production@1.0.0")).isEmpty();
    }
}
