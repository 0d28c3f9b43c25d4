package io.retrobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.RetroBridgeApplication;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.Verdict;
import io.retrobridge.sandbox.prometheus.PrometheusSandbox;
import io.retrobridge.sandbox.prometheus.PrometheusSeed;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.sync.PirStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo carries a simulated Prometheus on its configured port, the banner says where it is and how to read the
 * failed release's PIR, and the metrics jump at the very instants the demo's pipeline reported for the release.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoMonitoringTest {

    private static final String CHANGE_TITLE = "Upgrade payment gateway client to 4.2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePrometheusSandboxRecordsTheFailedReleaseWhereThePipelineReportedIt(CapturedOutput output) throws Exception {
        int prometheusPort = freePort();
        try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(RetroBridgeApplication.class)
                .profiles("demo").run("--server.port=0", "--retrobridge.sandbox.jira-port=" + freePort(),
                        "--retrobridge.sandbox.servicenow-port=" + freePort(),
                        "--retrobridge.sandbox.prometheus-port=" + prometheusPort,
                        // The failed release's PIR alone: the past months' runs would only slow it down.
                        "--retrobridge.sandbox.history=false",
                        "--spring.datasource.url=jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            String change = demo.getBean(ServiceNowSandbox.class).records("change_request").stream()
                    .filter(c -> CHANGE_TITLE.equals(c.get("short_description"))).map(c -> c.get("number"))
                    .findFirst().orElseThrow();
            String prometheus = "http://localhost:" + prometheusPort;
            assertThat(demo.getBean(PrometheusSandbox.class).baseUrl().toString()).isEqualTo(prometheus);
            assertThat(output.getAll()).contains("Prometheus sandbox " + prometheus)
                    .containsPattern("curl -s -H \"X-API-Key: \\$RB_KEY\" http://localhost:\\d+/api/changes/"
                            + Pattern.quote(change) + "/pir");
            Matcher query = Pattern.compile("curl -s '(" + Pattern.quote(prometheus) + "/api/v1/query\\?query=\\S+)'")
                    .matcher(output.getAll());
            assertThat(query.find()).as("a banner line querying the Prometheus sandbox:%n%s", output.getAll()).isTrue();
            assertThat(get(query.group(1)).at("/data/result")).hasSize(1);
            assertThat(demo.getBean(RetrospectiveStore.class).list("checkout", Instant.EPOCH, 0, 10))
                    .as("history=false leaves the past months' retrospectives out").isEmpty();

            DeploymentStore deployments = demo.getBean(DeploymentStore.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> deployments.forChange(change).size() == 2);
            List<Deployment> runs = deployments.forChange(change);
            Instant released = runs.stream().filter(run -> !run.rollback()).findFirst().orElseThrow().finishedAt();
            Instant rolledBack = runs.stream().filter(Deployment::rollback).findFirst().orElseThrow().finishedAt();

            assertThat(errorRate(prometheus, released.minusSeconds(1))).isBetween(0.0095, 0.0103);
            assertThat(errorRate(prometheus, released)).isBetween(0.071, 0.077);
            assertThat(errorRate(prometheus, rolledBack.minusSeconds(1))).isBetween(0.071, 0.077);
            assertThat(errorRate(prometheus, rolledBack)).isBetween(0.0097, 0.0105);

            // The failed release's PIR: the jump, the alert that fired, and both written onto the change.
            PirStore pirs = demo.getBean(PirStore.class);
            ServiceNowSandbox servicenow = demo.getBean(ServiceNowSandbox.class);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                PirSummary pir = pirs.find("change:" + change).orElseThrow();
                assertThat(pir.complete()).isTrue();
                PirSummary.MetricRow errors = pir.metrics().get(0);
                assertThat(errors.id()).isEqualTo("error-rate");
                assertThat(errors.before()).isBetween(0.0095, 0.0115);
                assertThat(errors.after()).isGreaterThan(0.04);
                assertThat(errors.verdict()).isEqualTo(Verdict.DEGRADED);
                assertThat(pir.timeline()).anySatisfy(entry -> assertThat(entry.text()).startsWith("HighErrorRate fired"));
                Map<String, String> record = servicenow.records("change_request").stream()
                        .filter(c -> change.equals(c.get("number"))).findFirst().orElseThrow();
                assertThat(record.get("u_pir_error_rate")).endsWith("degraded");
                assertThat(servicenow.journal(record.get("sys_id"))).anySatisfy(entry -> assertThat(entry.get("value"))
                        .startsWith("[rb-pir change:" + change + "]"));
            });
        }
    }

    private static double errorRate(String prometheus, Instant at) throws Exception {
        String query = URLEncoder.encode(PrometheusSeed.demoQuery(PrometheusSeed.ERROR_RATE), StandardCharsets.UTF_8);
        JsonNode answer = get(prometheus + "/api/v1/query?query=" + query + "&time=" + at.getEpochSecond());
        return Double.parseDouble(answer.at("/data/result/0/value/1").asText());
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The demo's connector finds its simulators by their configured ports, so they get real ones here. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
