package io.retrobridge.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A post-implementation review's figures for one release: each PIR metric before and after the deployment, the
 * deployments and alerts around it on one timeline, and what the monitoring cannot tell (data gaps). One per release,
 * replaced in place when collected again.
 *
 * @param key          the release: {@code change:<number>} for a change, else {@code <application>@<environment>@<version>}
 * @param changeNumber the change it reviews; null for a deployment without a change
 * @param service      the service the queries were asked about
 * @param deployedAt   the moment the windows are measured from (the deployment's end, else the change's actual end)
 * @param from         start of the before window
 * @param to           end of the after window
 * @param metrics      one row per PIR metric, in the mapping's order
 * @param timeline     deployments, alerts and change moves in time order
 * @param gaps         what the figures cannot show
 * @param telemetry    the application's deployments to the environment over the windows; null when unknown
 * @param incomplete   why some figures are missing (monitoring down, slow, refusing); null when complete
 * @param collectedAt  when these figures were collected
 * @param collections  how many times this release's PIR has been collected, this one included
 */
public record PirSummary(String key, String changeNumber, String application, String environment, String service,
                         String version, Instant deployedAt, Instant from, Instant to, List<MetricRow> metrics,
                         List<TimelineEntry> timeline, List<DataGap> gaps, DeploymentTelemetry telemetry,
                         String incomplete, Instant collectedAt, int collections) {

    public PirSummary {
        RecordArguments.identifier(key, "key");
        RecordArguments.required(deployedAt, "deployedAt");
        RecordArguments.required(from, "from");
        RecordArguments.required(to, "to");
        RecordArguments.required(collectedAt, "collectedAt");
        metrics = List.copyOf(metrics);
        timeline = List.copyOf(timeline);
        gaps = List.copyOf(gaps);
    }

    public boolean complete() {
        return incomplete == null;
    }

    public Optional<String> change() {
        return Optional.ofNullable(changeNumber);
    }

    /**
     * One PIR metric's figures.
     *
     * @param before  the mean over the before window; null when there was no value
     * @param after   the mean over the after window; null when there was no value
     * @param query   the PromQL asked, placeholders filled in
     * @param graph   where a person opens the query as a graph over both windows
     * @param problem why there is no value (the monitoring's own words); null when there is one
     */
    public record MetricRow(String id, String title, String unit, Double before, Double after, Verdict verdict,
                            String query, String graph, String problem) {
        public MetricRow {
            RecordArguments.identifier(id, "id");
            RecordArguments.notBlank(title, "title");
            RecordArguments.required(verdict, "verdict");
        }

        /** The change from before to after in percent of before; empty when either is missing or before is 0. */
        public OptionalDouble changePercent() {
            if (before == null || after == null || before == 0.0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((after - before) / Math.abs(before) * 100.0);
        }
    }

    /**
     * One moment on the PIR timeline.
     *
     * @param kind what happened: {@code deployment-started}, {@code deployment-finished}, {@code rollback},
     *             {@code alert-fired}, {@code alert-resolved}, {@code change-state}
     * @param link where a person opens it (the pipeline run, the alert's graph); null when none
     */
    public record TimelineEntry(Instant at, String kind, String text, String link) {
        public TimelineEntry {
            RecordArguments.required(at, "at");
            RecordArguments.identifier(kind, "kind");
            RecordArguments.notBlank(text, "text");
        }
    }

    /**
     * Something the PIR cannot show.
     *
     * @param kind {@code uncovered-failure-mode} (named in the retrospective or its actions, watched by no metric or
     *             alert rule), {@code truncated-alerts} (Alertmanager left alerts out) or {@code metric-unavailable}
     */
    public record DataGap(String kind, String text) {
        public DataGap {
            RecordArguments.identifier(kind, "kind");
            RecordArguments.notBlank(text, "text");
        }
    }
}
