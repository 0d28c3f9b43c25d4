package io.retrobridge.insight.pir;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.servicenow.ChangeRequestPoller;
import io.retrobridge.sync.LinkStore;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the PIR end-to-end tests do alike: their mappings, a change in the simulator, a deployment through the API. */
final class PirEndToEnd {

    static final String PIPELINE_KEY = "pipe-Hq7wN2rT5yU8iO3p";
    static final String VIEWER_KEY = "view-Lk4jH7gF2dS9aP6o";
    static final String ERROR_QUERY = "avg(pir_e2e_error_ratio{service=\"${service}\",environment=\"${environment}\"})";
    static final String THROUGHPUT_QUERY =
            "sum(pir_e2e_requests_per_second{service=\"${service}\",environment=\"${environment}\"})";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PirEndToEnd() {
    }

    /** The shipped mappings, with a pir-metrics.yaml asking for two gauges: an error ratio and a throughput. */
    static Path mappingsWithGaugeMetrics() {
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
                        query: '%s'
                        unit: ratio
                        better: lower
                        degraded-when: {above: 0.05}
                        covers: [error-spike]
                        servicenow-field: u_pir_error_rate
                      - id: throughput
                        title: Throughput
                        query: '%s'
                        unit: requests/s
                        better: higher
                        degraded-when: {worse-by-percent: 30}
                        servicenow-field: u_pir_throughput
                    write:
                      servicenow: {work-note: true, close-notes: true, summary-field: u_pir_summary}
                      jira: {comment: true}
                    """.formatted(ERROR_QUERY, THROUGHPUT_QUERY));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A change request as it stands once mirrored: its number, its sys_id, its Jira issue's id. */
    record MirroredChange(String number, String sysId, String issue) {
    }

    /** A normal change request made in the ServiceNow simulator, polled and mirrored into Jira. */
    static MirroredChange mirroredChange(SandboxPair systems, ChangeRequestPoller changePoller, InboxWorker worker,
                                         LinkStore links, String title) {
        String sysId = createChange(systems, title);
        changePoller.poll();
        worker.drain();
        String issue = links.findByExternal(new ExternalRef(ExternalSystem.SERVICENOW, sysId)).orElseThrow()
                .idOn(ExternalSystem.JIRA).orElseThrow();
        return new MirroredChange(systems.servicenow.record("change_request", sysId).orElseThrow().get("number"), sysId,
                issue);
    }

    /** A normal change request made in the ServiceNow simulator; its sys_id. */
    static String createChange(SandboxPair systems, String title) {
        JsonNode created = SandboxPair.json(systems.servicenowCall("POST", "/api/now/table/change_request",
                "{\"short_description\":" + SandboxPair.quote(title) + ",\"type\":\"normal\",\"risk\":\"3\","
                        + "\"impact\":\"2\"}"));
        return created.path("result").get("sys_id").asText();
    }

    /** A successful production deployment ending at {@code finishedAt}, reported by a pipeline. */
    static void reportDeployment(int port, String application, String runId, Instant finishedAt, String change)
            throws IOException, InterruptedException {
        String event = "{\"application\":\"" + application + "\",\"environment\":\"production\",\"version\":\"3.1.0\","
                + "\"pipeline\":\"release\",\"runId\":\"" + runId + "\","
                + "\"runUrl\":\"https://ci.example.com/runs/" + runId + "\","
                + "\"startedAt\":\"" + finishedAt.minus(Duration.ofMinutes(6)) + "\",\"finishedAt\":\"" + finishedAt
                + "\",\"result\":\"success\"" + (change == null ? "" : ",\"changeNumber\":\"" + change + "\"") + "}";
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/events/deployments"))
                .header("Content-Type", "application/json").header("X-API-Key", PIPELINE_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    /** A change's PIR as the API answers it to a viewer. */
    static JsonNode pir(int port, String number) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/changes/" + number + "/pir"))
                .header("X-API-Key", VIEWER_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return SandboxPair.json(answer.body());
    }

    static List<Map<String, String>> workNotes(SandboxPair systems, String sysId) {
        return systems.servicenow.journal(sysId).stream().filter(entry -> "work_notes".equals(entry.get("element")))
                .toList();
    }

    static JsonNode jiraComments(SandboxPair systems, String issue) {
        return SandboxPair.json(systems.jiraCall("GET", "/rest/api/3/issue/" + issue + "/comment", null))
                .path("comments");
    }
}
