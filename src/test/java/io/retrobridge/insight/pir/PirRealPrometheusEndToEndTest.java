package io.retrobridge.insight.pir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.servicenow.ChangeRequestPoller;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.testsupport.JiraOpenApiValidator;
import io.retrobridge.testsupport.RealPrometheus;
import io.retrobridge.testsupport.SandboxPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
        "retrobridge.security.api-keys[0].key=" + PirRealPrometheusEndToEndTest.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline",
        "retrobridge.security.api-keys[1].name=reviewers",
        "retrobridge.security.api-keys[1].key=" + PirRealPrometheusEndToEndTest.VIEWER_KEY,
        "retrobridge.security.api-keys[1].role=viewer"})
@ActiveProfiles("test")
class PirRealPrometheusEndToEndTest {

    static final String PIPELINE_KEY = "pipe-Hq7wN2rT5yU8iO3p";
    static final String VIEWER_KEY = "view-Lk4jH7gF2dS9aP6o";
    private static final String SERVICE = "pir-e2e-ledger";
    private static final Map<String, String> LABELS = Map.of("service", SERVICE, "environment", "production");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The deployment ends two hours ago on the minute, so both windows are in the past and on sample times. */
    private static final Instant DEPLOYED = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);

    /** Error ratio 0.0100 before, 0.0700 after; throughput 118 and 122 alternating before, 90 after. */
    private static final double ERRORS_BEFORE = 0.01;
    private static final double ERRORS_AFTER = 0.07;
    private static final double THROUGHPUT_AFTER = 90;

    @RegisterExtension
    static final RealPrometheus prometheus = new RealPrometheus();

    static final SandboxPair systems = new SandboxPair();
    static final Path MAPPINGS = mappingsWithGaugeMetrics();
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

    /** The shipped mappings, with pir-metrics.yaml asking for the gauges above. */
    private static Path mappingsWithGaugeMetrics() {
        try {
            Path dir = Files.createTempDirectory("retrobridge-pir-e2e");
            try (Stream<Path> shipped = Files.list(Path.of("mappings"))) {
                for (Path file : shipped.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
            Files.writeString(dir.resolve("pir-metrics.yaml"), """
                    version: 1
                    collect: {on-change-review: true, deployment-environments: [production]}
                    windows: {before: 1h, after: 1h, step: 1m, rate: 5m}
                    metrics:
                      - id: error-rate
                        title: Error rate
                        query: 'avg(pir_e2e_error_ratio{service="${service}",environment="${environment}"})'
                        unit: ratio
                        better: lower
                        degraded-when: {above: 0.05}
                        covers: [error-spike]
                        servicenow-field: u_pir_error_rate
                      - id: throughput
                        title: Throughput
                        query: 'sum(pir_e2e_requests_per_second{service="${service}",environment="${environment}"})'
                        unit: requests/s
                        better: higher
                        degraded-when: {worse-by-percent: 30}
                        servicenow-field: u_pir_throughput
                    write:
                      servicenow: {work-note: true, close-notes: true, summary-field: u_pir_summary}
                      jira: {comment: true}
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theReleasesFiguresFromPrometheusAreWrittenOnTheChangeAndItsJiraIssue() throws Exception {
        String sysId = createChange("Move the ledger to the new schema");
        String number = systems.servicenow.record("change_request", sysId).orElseThrow().get("number");
        changePoller.poll();
        worker.drain();
        String issue = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow()
                .idOn(ExternalSystem.JIRA).orElseThrow();

        reportDeployment(number);
        worker.drain();
        worker.drain();

        // Means by hand: errors 0.01 before (61 samples), 0.07 after (60); throughput (31 x 118 + 30 x 122) / 61
        // before, 90 after.
        double throughputBefore = (31 * 118.0 + 30 * 122.0) / 61;
        Map<String, String> change = systems.servicenow.record("change_request", sysId).orElseThrow();
        assertThat(change.get("u_pir_error_rate")).isEqualTo("0.0100 -> 0.0700 (+600.0%), degraded");
        assertThat(change.get("u_pir_throughput")).isEqualTo("120.0 -> 90.00 (-25.0%), ok");
        List<Map<String, String>> notes = systems.servicenow.journal(sysId).stream()
                .filter(entry -> "work_notes".equals(entry.get("element"))).toList();
        assertThat(notes).singleElement().satisfies(note -> assertThat(note.get("value"))
                .contains("[rb-pir change:" + number + "]", "0.0100", "0.0700", "+600.0%", "120.0", "90.00"));
        assertThat(change.get("close_notes")).contains("--- PIR figures (RetroBridge) ---", "0.0100", "0.0700");

        JsonNode comments = SandboxPair.json(systems.jiraCall("GET", "/rest/api/3/issue/" + issue + "/comment", null));
        assertThat(comments.path("comments")).hasSize(1);
        assertThat(comments.path("comments").get(0).path("body").toString())
                .contains("0.0100", "0.0700", "+600.0%", "degraded");

        JsonNode pir = JSON.readTree(get("/api/changes/" + number + "/pir").body());
        JsonNode errors = pir.path("metrics").get(0);
        assertThat(errors.path("id").asText()).isEqualTo("error-rate");
        assertThat(errors.path("before").asDouble()).isEqualTo(ERRORS_BEFORE);
        assertThat(errors.path("after").asDouble()).isEqualTo(ERRORS_AFTER);
        assertThat(errors.path("verdict").asText()).isEqualTo("DEGRADED");
        assertThat(errors.path("graph").asText()).startsWith(prometheusUrl + "/graph?g0.expr=");
        JsonNode throughput = pir.path("metrics").get(1);
        assertThat(throughput.path("before").asDouble()).isCloseTo(throughputBefore, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(throughput.path("after").asDouble()).isEqualTo(THROUGHPUT_AFTER);
        assertThat(pir.path("complete").asBoolean()).isTrue();
    }

    private String createChange(String title) {
        JsonNode created = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/change_request",
                "{\"short_description\":" + SandboxPair.quote(title) + ",\"type\":\"normal\",\"risk\":\"3\","
                        + "\"impact\":\"2\",\"cmdb_ci\":\"\"}"));
        return created.path("result").get("sys_id").asText();
    }

    private void reportDeployment(String change) throws IOException, InterruptedException {
        String event = "{\"application\":\"" + SERVICE + "\",\"environment\":\"production\",\"version\":\"3.1.0\","
                + "\"pipeline\":\"ledger release\",\"runId\":\"ledger-310\","
                + "\"runUrl\":\"https://ci.example.com/ledger/runs/310\","
                + "\"startedAt\":\"" + DEPLOYED.minus(Duration.ofMinutes(6)) + "\",\"finishedAt\":\"" + DEPLOYED
                + "\",\"result\":\"success\",\"changeNumber\":\"" + change + "\"}";
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/events/deployments"))
                .header("Content-Type", "application/json").header("X-API-Key", PIPELINE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", VIEWER_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }
}
