package io.retrobridge.insight.pir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.sandbox.prometheus.PrometheusSandbox;
import io.retrobridge.sandbox.prometheus.Signal;
import io.retrobridge.servicenow.ChangeRequestPoller;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Prometheus that answers errors or too slowly, through the built-in simulator: the change's PIR is kept and
 * written marked incomplete with the reason, collected again later, and the inbox goes on with other work meanwhile.
 * Once Prometheus answers, the same records are brought up to date in place: one work note, one Jira comment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=release-pipeline",
        "retrobridge.security.api-keys[0].key=" + PirEndToEnd.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline",
        "retrobridge.security.api-keys[1].name=reviewers",
        "retrobridge.security.api-keys[1].key=" + PirEndToEnd.VIEWER_KEY,
        "retrobridge.security.api-keys[1].role=viewer",
        "retrobridge.prometheus.read-timeout=400ms",
        "retrobridge.resilience.prometheus.max-attempts=1",
        "retrobridge.resilience.prometheus.breaker-window=100",
        "retrobridge.resilience.prometheus.breaker-minimum-calls=100",
        "retrobridge.pir.retry-every=1s"})
@ActiveProfiles("test")
class PirMonitoringTroubleEndToEndTest {

    private static final Instant DEPLOYED = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
    private static final AtomicInteger RELEASES = new AtomicInteger();

    static final SandboxPair systems = new SandboxPair();
    static final PrometheusSandbox prometheus = startPrometheus();
    static final Path MAPPINGS = PirEndToEnd.mappingsWithGaugeMetrics();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
        registry.add("retrobridge.mappings-dir", MAPPINGS::toString);
        registry.add("retrobridge.prometheus.base-url", () -> prometheus.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        prometheus.close();
        systems.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    ChangeRequestPoller changePoller;
    @Autowired
    InboxWorker worker;
    @Autowired
    LinkStore links;
    @Autowired
    DeploymentStore deployments;
    @Autowired
    JdbcClient jdbc;

    private static PrometheusSandbox startPrometheus() {
        try {
            return new PrometheusSandbox(0, Clock.systemUTC()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void prometheusBehavesAgain() {
        prometheus.behave();
    }

    /** A service of its own per test, its error ratio stepping from 0.01 to 0.07 at the deployment. */
    private String service() {
        String service = "pir-trouble-" + RELEASES.incrementAndGet();
        Map<String, String> labels = Map.of("service", service, "environment", "production");
        prometheus.record(fill(PirEndToEnd.ERROR_QUERY, service), labels, Signal.step(0.01, DEPLOYED.plusSeconds(1), 0.07));
        prometheus.record(fill(PirEndToEnd.THROUGHPUT_QUERY, service), labels, Signal.constant(120));
        return service;
    }

    private static String fill(String query, String service) {
        return query.replace("${service}", service).replace("${environment}", "production");
    }

    private Map<String, Object> pendingCollection(String number) {
        return jdbc.sql("SELECT status, not_before FROM inbound_events WHERE entity_id = :entity AND status = 'PENDING'")
                .param("entity", "pir:change:" + number).query().singleRow();
    }

    @Test
    void anOverloadedPrometheusLeavesThePirIncompleteUntilItAnswersThenTheSameRecordsAreUpdated() throws Exception {
        String service = service();
        PirEndToEnd.MirroredChange change = PirEndToEnd.mirroredChange(systems, changePoller, worker, links,
                "Move " + service + " to the new schema");
        String number = change.number();
        prometheus.timeoutNext(1000);

        PirEndToEnd.reportDeployment(port, service, service + "-1", DEPLOYED, number);
        worker.drain();
        worker.drain();

        JsonNode incomplete = PirEndToEnd.pir(port, number);
        assertThat(incomplete.path("complete").asBoolean()).isFalse();
        assertThat(incomplete.path("incomplete").asText()).contains("query timed out in expression evaluation");
        assertThat(incomplete.path("metrics").get(0).path("verdict").asText()).isEqualTo("NO_DATA");
        assertThat(pendingCollection(number)).as("collected again later").isNotNull();
        Map<String, String> written = systems.servicenow.record("change_request", change.sysId()).orElseThrow();
        assertThat(written.get("u_pir_summary")).contains("Incomplete:", "query timed out in expression evaluation");
        assertThat(PirEndToEnd.workNotes(systems, change.sysId())).as("the one note waits for complete figures").isEmpty();
        assertThat(PirEndToEnd.jiraComments(systems, change.issue())).singleElement()
                .satisfies(comment -> assertThat(comment.path("body").toString()).contains("Incomplete"));

        prometheus.behave();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            worker.drain();
            assertThat(PirEndToEnd.pir(port, number).path("complete").asBoolean()).isTrue();
        });

        JsonNode complete = PirEndToEnd.pir(port, number);
        assertThat(complete.path("collections").asInt()).isEqualTo(2);
        assertThat(complete.path("metrics").get(0).path("before").asDouble()).isEqualTo(0.01);
        assertThat(complete.path("metrics").get(0).path("after").asDouble()).isEqualTo(0.07);
        Map<String, String> updated = systems.servicenow.record("change_request", change.sysId()).orElseThrow();
        assertThat(updated.get("u_pir_error_rate")).isEqualTo("0.0100 -> 0.0700 (+600.0%), degraded");
        assertThat(updated.get("u_pir_summary")).doesNotContain("Incomplete");
        assertThat(PirEndToEnd.workNotes(systems, change.sysId())).singleElement()
                .satisfies(note -> assertThat(note.get("value")).contains("0.0700").doesNotContain("Incomplete"));
        assertThat(PirEndToEnd.jiraComments(systems, change.issue())).singleElement()
                .satisfies(comment -> assertThat(comment.path("body").toString())
                        .contains("0.0700").doesNotContain("Incomplete"));
    }

    @Test
    void aPrometheusTooSlowToAnswerHoldsUpNoOtherWork() throws Exception {
        String service = service();
        PirEndToEnd.MirroredChange change = PirEndToEnd.mirroredChange(systems, changePoller, worker, links,
                "Move " + service + " to the new schema");
        prometheus.delayAnswers(Duration.ofSeconds(3));

        PirEndToEnd.reportDeployment(port, service, service + "-1", DEPLOYED, change.number());
        worker.drain();
        PirEndToEnd.reportDeployment(port, service + "-neighbour", service + "-2", DEPLOYED.plusSeconds(60), null);
        worker.drain();
        worker.drain();

        assertThat(deployments.find("PIPELINE", service + "-2")).as("the neighbour's run is recorded").isPresent();
        JsonNode incomplete = PirEndToEnd.pir(port, change.number());
        assertThat(incomplete.path("complete").asBoolean()).isFalse();
        assertThat(incomplete.path("incomplete").asText()).contains("read-timeout");
        assertThat(pendingCollection(change.number())).as("collected again later").isNotNull();
    }
}
