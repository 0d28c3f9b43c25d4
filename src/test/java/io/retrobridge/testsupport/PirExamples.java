package io.retrobridge.testsupport;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummary.DataGap;
import io.retrobridge.domain.PirSummary.MetricRow;
import io.retrobridge.domain.PirSummary.TimelineEntry;
import io.retrobridge.domain.Verdict;
import io.retrobridge.mapping.pir.PirMetric;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A failed release's PIR figures and a pir-metrics mapping writing them everywhere, for the record writers' tests. */
public final class PirExamples {

    public static final Instant DEPLOYED = Instant.parse("2026-12-07T05:00:00Z");
    public static final String PROMETHEUS = "http://prometheus.example:9090/graph?g0.expr=";

    private PirExamples() {
    }

    public static ChangeRecord change(String sysId, String number, String closeNotes) {
        return new ChangeRecord(sysId, number, "Checkout 4.2.0", "normal", ChangeState.REVIEW, "3", "2", "CAB",
                "checkout", DEPLOYED.minusSeconds(600), DEPLOYED.plusSeconds(600), DEPLOYED.minusSeconds(300),
                DEPLOYED, "successful_issues", closeNotes, DEPLOYED.plusSeconds(3600));
    }

    /** The error rate jumped, latency stayed, throughput had no data; one alert fired; one failure mode unwatched. */
    public static PirSummary summary(String changeNumber, int collection, double errorRateAfter) {
        return summary(changeNumber, collection, errorRateAfter, "Error rate", "HighErrorRate fired", null);
    }

    public static PirSummary summary(String changeNumber, int collection, double errorRateAfter, String errorTitle,
                                     String alertText, String incomplete) {
        List<MetricRow> rows = List.of(
                new MetricRow("error-rate", errorTitle, "ratio", 0.0099, errorRateAfter, Verdict.DEGRADED,
                        "sum(rate(http_requests_total{service=\"checkout\",code=~\"5..\"}[5m]))",
                        PROMETHEUS + "sum%28rate%28http_requests_total%5B5m%5D%29%29", null),
                new MetricRow("latency-p95", "Latency p95", "seconds", 0.2100, 0.2200, Verdict.OK,
                        "histogram_quantile(0.95, ...)", PROMETHEUS + "histogram_quantile", null),
                new MetricRow("throughput", "Throughput", "requests/s", null, null, Verdict.NO_DATA,
                        "sum(rate(http_requests_total[5m]))", PROMETHEUS + "sum", "no samples in the before window"));
        List<TimelineEntry> timeline = List.of(
                new TimelineEntry(DEPLOYED.minusSeconds(300), "deployment-started", "checkout 4.2.0 to production",
                        "https://ci.example/runs/42"),
                new TimelineEntry(DEPLOYED, "deployment-finished", "checkout 4.2.0 to production", null),
                new TimelineEntry(DEPLOYED.plusSeconds(420), "alert-fired", alertText,
                        "http://prometheus.example:9090/alerts"));
        List<DataGap> gaps = List.of(new DataGap("uncovered-failure-mode",
                "config-drift is named by an action item but no metric or alert rule watches it"));
        return new PirSummary("change:" + changeNumber, changeNumber, "checkout", "production", "checkout", "4.2.0",
                DEPLOYED, DEPLOYED.minus(Duration.ofHours(1)), DEPLOYED.plus(Duration.ofHours(1)), rows, timeline,
                gaps, null, incomplete, DEPLOYED.plus(Duration.ofHours(1)).plusSeconds(60 * collection), collection);
    }

    /** Every destination on: the note, the close-notes appendix, the summary field and one field per metric. */
    public static PirMetricsMapping mapping(String serviceNowSummaryField, String jiraSummaryField,
                                            String errorRateJiraField) {
        return mapping(new PirMetricsMapping.Destinations(
                new PirMetricsMapping.ServiceNowDestination(true, true, serviceNowSummaryField),
                new PirMetricsMapping.JiraDestination(true, jiraSummaryField)), "u_pir_error_rate", errorRateJiraField);
    }

    public static PirMetricsMapping mapping(PirMetricsMapping.Destinations destinations, String errorRateField,
                                            String errorRateJiraField) {
        List<PirMetric> metrics = List.of(
                new PirMetric("error-rate", "Error rate", "sum(rate(x[${window}]))", "ratio", PirMetric.Better.LOWER,
                        new PirMetric.Degraded(0.05, null, 50.0), List.of("bad-release"), errorRateField,
                        errorRateJiraField),
                new PirMetric("latency-p95", "Latency p95", "histogram_quantile(0.95, y)", "seconds",
                        PirMetric.Better.LOWER, PirMetric.Degraded.NEVER, List.of(), "u_pir_latency_p95", null),
                new PirMetric("throughput", "Throughput", "sum(rate(z[${window}]))", "requests/s",
                        PirMetric.Better.HIGHER, PirMetric.Degraded.NEVER, List.of(), "u_pir_throughput", null));
        return new PirMetricsMapping(new PirMetricsMapping.Collect(true, Set.of("production")),
                new PirMetricsMapping.Windows(Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(1),
                        Duration.ofMinutes(5)),
                new PirMetricsMapping.ServiceNames("production", Map.of()), metrics, Map.of(), destinations);
    }
}
