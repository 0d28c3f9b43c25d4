package io.retrobridge.insight.pir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.servicenow.ChangeRequestPoller;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.testsupport.RealPrometheus;
import io.retrobridge.testsupport.SandboxPair;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A release's PIR figures from a real Prometheus (the Debian package, fed a written history through promtool) onto
 * the change in the ServiceNow simulator and its mirror in the Jira simulator. The history is a gauge per metric
 * whose value steps at the deployment's end, written one sample per minute on the minute, so each window's mean is
 * known by hand: the before window is [end - 1h, end] (61 samples), the after window (end, end + 1h] (60 samples).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=release-pipeline",
        "retrobridge.security.api-keys[0].key=" + PirEndToEnd.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline",
        "retrobridge.security.api-keys[1].name=reviewers",
        "retrobridge.security.api-keys[1].key=" + PirEndToEnd.VIEWER_KEY,
        "retrobridge.security.api-keys[1].role=viewer"})
@ActiveProfiles("test")
class PirRealPrometheusEndToEndTest {

    private static final String SERVICE = "pir-e2e-ledger";
    private static final Map<String, String> LABELS = Map.of("service", SERVICE, "environment", "production");

    /** The deployment ends two hours ago on the minute, so both windows are in the past and on sample times. */
    private static final Instant DEPLOYED = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);

    /** Error ratio 0.0100 before, 0.0700 after; throughput 118 and 122 alternating before, 90 after. */
    private static final double ERRORS_BEFORE = 0.01;
    private static final double ERRORS_AFTER = 0.07;
    private static final double THROUGHPUT_AFTER = 90;

    @RegisterExtension
    static final RealPrometheus prometheus = new RealPrometheus();

    static final SandboxPair systems = new SandboxPair();
    static final Path MAPPINGS = PirEndToEnd.mappingsWithGaugeMetrics();
    static URI prometheusUrl;

    @BeforeAll
    static void prometheusWithTheReleaseHistory() {
        prometheusUrl = prometheus.serve(history());
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        systems.register(registry);
        registry.add("retrobridge.mappings-dir", MAPPINGS::toString);
        registry.add("retrobridge.prometheus.base-url", () -> prometheusUrl.toString());
    }

    @AfterAll
    static void stop() {
        JiraOpenApiValidator.assertEveryRequestValid(systems.jira.requests());
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

    private static List<RealPrometheus.Sample> history() {
        List<RealPrometheus.Sample> samples = new ArrayList<>();
        for (int minute = -90; minute <= 90; minute++) {
            Instant at = DEPLOYED.plus(Duration.ofMinutes(minute));
            boolean before = minute <= 0;
            samples.add(new RealPrometheus.Sample("pir_e2e_error_ratio", LABELS, at,
                    before ? ERRORS_BEFORE : ERRORS_AFTER));
            samples.add(new RealPrometheus.Sample("pir_e2e_requests_per_second", LABELS, at,
                    before ? (minute % 2 == 0 ? 118 : 122) : THROUGHPUT_AFTER));
        }
        return samples;
    }

    @Test
    void theReleasesFiguresFromPrometheusAreWrittenOnTheChangeAndItsJiraIssue() throws Exception {
        PirEndToEnd.MirroredChange mirrored = PirEndToEnd.mirroredChange(systems, changePoller, worker, links,
                "Move the ledger to the new schema");
        String number = mirrored.number();
        String sysId = mirrored.sysId();
        String issue = mirrored.issue();

        PirEndToEnd.reportDeployment(port, SERVICE, "ledger-310", DEPLOYED, number);
        worker.drain();
        worker.drain();

        // Means by hand: errors 0.01 before (61 samples), 0.07 after (60); throughput (31 x 118 + 30 x 122) / 61
        // before, 90 after.
        double throughputBefore = (31 * 118.0 + 30 * 122.0) / 61;
        Map<String, String> change = systems.servicenow.record("change_request", sysId).orElseThrow();
        assertThat(change.get("u_pir_error_rate")).isEqualTo("0.0100 -> 0.0700 (+600.0%), degraded");
        assertThat(change.get("u_pir_throughput")).isEqualTo("120.0 -> 90.00 (-25.0%), ok");
        assertThat(PirEndToEnd.workNotes(systems, sysId)).singleElement().satisfies(note -> assertThat(note.get("value"))
                .contains("[rb-pir change:" + number + "]", "0.0100", "0.0700", "+600.0%", "120.0", "90.00"));
        assertThat(change.get("close_notes")).contains("--- PIR figures (RetroBridge) ---", "0.0100", "0.0700");

        JsonNode comments = PirEndToEnd.jiraComments(systems, issue);
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).path("body").toString())
                .contains("0.0100", "0.0700", "+600.0%", "degraded");

        JsonNode pir = PirEndToEnd.pir(port, number);
        JsonNode errors = pir.path("metrics").get(0);
        assertThat(errors.path("id").asText()).isEqualTo("error-rate");
        assertThat(errors.path("before").asDouble()).isEqualTo(ERRORS_BEFORE);
        assertThat(errors.path("after").asDouble()).isEqualTo(ERRORS_AFTER);
        assertThat(errors.path("verdict").asText()).isEqualTo("DEGRADED");
        assertThat(errors.path("graph").asText()).startsWith(prometheusUrl + "/graph?g0.expr=");
        JsonNode throughput = pir.path("metrics").get(1);
        assertThat(throughput.path("before").asDouble()).isCloseTo(throughputBefore, within(1e-9));
        assertThat(throughput.path("after").asDouble()).isEqualTo(THROUGHPUT_AFTER);
        assertThat(pir.path("complete").asBoolean()).isTrue();
    }
}
