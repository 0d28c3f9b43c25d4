package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.SandboxResponse;
import io.retrobridge.testsupport.AdminApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator scrapes from /actuator/prometheus after the connector synced something: events in per system
 * and kind, what became of them (applied, skipped, parked), write latency, outbound call latency, queue depth,
 * watermark lag per poller, breaker state and rate-limiter waits, each with its tags and, where something
 * happened, a count above zero.
 */
class PrometheusMetricsTest extends FaultSuiteSupport {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of the exposition: metric name, labels, value. */
    record Sample(String name, Map<String, String> labels, double value) {
        boolean has(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    @Test
    void aSyncShowsUpInEveryMetricFamilyAnOperatorGraphs() throws Exception {
        // Applied: a Jira create mirrored to ServiceNow (webhook), then polled (the poll finds it known already).
        String key = systems.createJiraItem("Graph the gateway sync lag");
        settle();
        String sysId = systems.taskTitled("Graph the gateway sync lag").get("sys_id");
        // Retried: one 503 on the edit's write. Skipped: our own write comes back as an echo.
        systems.servicenow.faults().next(1, FaultPlan.on("PATCH", "/api/now/table"), new FaultPlan.Respond(
                SandboxResponse.json(503, Map.of("error", Map.of("message", "Service Unavailable")))));
        systems.editJira(key, "{\"summary\":\"Graph the gateway sync lag per poller\"}");
        settle();
        // Parked: a write ServiceNow refuses for good.
        systems.servicenow.faults().next(1, FaultPlan.on("PATCH", "/api/now/table"), new FaultPlan.Respond(
                SandboxResponse.json(403, Map.of("error", Map.of("message", "Operation against file 'problem_task' was aborted")))));
        systems.editJira(key, "{\"summary\":\"Graph the gateway sync lag per poller, hourly\"}");
        settle();
        // The next poll finds the Jira edit again (a new version to the inbox) and, the refusal over, applies it.
        pollAndSettle();
        assertThat(systems.task(sysId).get("short_description")).isEqualTo("Graph the gateway sync lag per poller, hourly");
        // A second poll reads the same versions again (its overlap), and the inbox drops them as duplicates.
        pollAndSettle();

        List<Sample> scraped = scrape();

        // Events in, per system and kind, from webhooks and from polls.
        assertPositive(scraped, "retrobridge_events_received_total",
                Map.of("system", "jira", "kind", "jira:issue_created", "result", "accepted"));
        assertPositive(scraped, "retrobridge_events_received_total",
                Map.of("system", "jira", "kind", "jira:issue_updated", "result", "accepted"));
        assertPositive(scraped, "retrobridge_events_received_total",
                Map.of("system", "jira", "kind", "jira:poll", "result", "duplicate"));
        assertPresent(scraped, "retrobridge_events_received_total", Map.of("system", "servicenow", "kind", "servicenow:poll"));
        // What became of them.
        assertPositive(scraped, "retrobridge_events_processed_total",
                Map.of("system", "jira", "kind", "jira:issue_created", "outcome", "applied"));
        assertPositive(scraped, "retrobridge_events_processed_total",
                Map.of("system", "servicenow", "outcome", "skipped"));
        assertPositive(scraped, "retrobridge_events_processed_total",
                Map.of("system", "jira", "kind", "jira:issue_updated", "outcome", "parked"));
        assertPositive(scraped, "retrobridge_events_sync_duration_seconds_count", Map.of("system", "jira"));
        // Write latency, per system written and operation, with a histogram for percentiles.
        assertPositive(scraped, "retrobridge_sync_writes_seconds_count",
                Map.of("system", "servicenow", "operation", "create", "outcome", "success"));
        assertPositive(scraped, "retrobridge_sync_writes_seconds_count",
                Map.of("system", "servicenow", "operation", "update", "outcome", "success"));
        assertPositive(scraped, "retrobridge_sync_writes_seconds_count",
                Map.of("system", "servicenow", "operation", "update", "outcome", "failure"));
        assertPositive(scraped, "retrobridge_sync_writes_seconds_bucket",
                Map.of("system", "servicenow", "operation", "update", "outcome", "success", "le", "+Inf"));
        // Every outbound call: latency by method and outcome, counts, retries.
        assertPositive(scraped, "retrobridge_outbound_duration_seconds_count",
                Map.of("system", "ServiceNow", "method", "PATCH", "outcome", "success"));
        assertPositive(scraped, "retrobridge_outbound_duration_seconds_count",
                Map.of("system", "ServiceNow", "method", "PATCH", "outcome", "forbidden"));
        assertPositive(scraped, "retrobridge_outbound_duration_seconds_count",
                Map.of("system", "Jira", "method", "GET", "outcome", "success"));
        assertPositive(scraped, "retrobridge_outbound_calls_total", Map.of("system", "ServiceNow", "outcome", "success"));
        assertPositive(scraped, "retrobridge_outbound_retries_total", Map.of("system", "ServiceNow", "reason", "server_error"));
        // Rate-limiter waits (every call takes a slot, so the count is above zero even when nobody waited).
        assertPositive(scraped, "retrobridge_outbound_ratelimiter_waits_seconds_count", Map.of("system", "ServiceNow"));
        assertPositive(scraped, "retrobridge_outbound_ratelimiter_waits_seconds_count", Map.of("system", "Jira"));
        // Breaker state: closed after a sync that worked.
        assertThat(value(scraped, "retrobridge_outbound_breaker_state", Map.of("system", "ServiceNow"))).isZero();
        assertThat(value(scraped, "retrobridge_outbound_breaker_state", Map.of("system", "Jira"))).isZero();
        // Queue depth: everything worked down. Links: at least the one made here.
        assertThat(value(scraped, "retrobridge_inbox_pending", Map.of())).isZero();
        assertThat(value(scraped, "retrobridge_links", Map.of())).isPositive();
        // Watermark lag per poller: both polled, so a finite number of seconds.
        for (String poller : List.of("jira", "servicenow")) {
            double lag = value(scraped, "retrobridge_poll_watermark_lag_seconds", Map.of("system", poller));
            assertThat(lag).as("watermark lag of the %s poller", poller).isFinite().isGreaterThanOrEqualTo(0);
        }
    }

    private List<Sample> scrape() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("X-API-Key", AdminApi.ADMIN_KEY).header("Accept", "text/plain").GET().build();
        List<Sample> samples = new ArrayList<>();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("scrape of /actuator/prometheus: %s", answer.body()).isEqualTo(200);
        for (String line : answer.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return samples;
    }

    private static List<Sample> matching(List<Sample> scraped, String name, Map<String, String> labels) {
        return scraped.stream().filter(s -> s.name().equals(name) && s.has(labels)).toList();
    }

    private static void assertPresent(List<Sample> scraped, String name, Map<String, String> labels) {
        assertThat(matching(scraped, name, labels)).as("%s%s among %s", name, labels, familyOf(scraped, name)).isNotEmpty();
    }

    private static void assertPositive(List<Sample> scraped, String name, Map<String, String> labels) {
        assertPresent(scraped, name, labels);
        double total = matching(scraped, name, labels).stream().mapToDouble(Sample::value).sum();
        assertThat(total).as("%s%s", name, labels).isPositive();
    }

    private static double value(List<Sample> scraped, String name, Map<String, String> labels) {
        List<Sample> found = matching(scraped, name, labels);
        assertThat(found).as("%s%s among %s", name, labels, familyOf(scraped, name)).hasSize(1);
        return found.get(0).value();
    }

    private static List<Sample> familyOf(List<Sample> scraped, String name) {
        return scraped.stream().filter(s -> s.name().startsWith(name.replaceAll("_(total|count|sum|bucket|max)$", ""))).toList();
    }
}
