package io.retrobridge.web.pir;

import io.retrobridge.domain.DeploymentTelemetry;
import io.retrobridge.domain.PirSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** PIR summaries as the API shows them: each metric with its change in percent, and whether figures are missing. */
final class PirViews {

    @Schema(name = "PirMetric", description = "One PIR metric before and after the deployment")
    record Metric(String id, String title, String unit,
                  @Schema(description = "mean over the before window; null when there was no value") Double before,
                  @Schema(description = "mean over the after window; null when there was no value") Double after,
                  @Schema(description = "after against before, in percent of before; null when either is missing or "
                          + "before is 0") Double changePercent,
                  @Schema(description = "OK, DEGRADED, IMPROVED or NO_DATA") String verdict,
                  @Schema(description = "the monitoring's graph of the query over both windows") String graph,
                  @Schema(description = "the query asked, placeholders filled in") String query,
                  @Schema(description = "why there is no value, in the monitoring's words; null when there is one")
                  String problem) {
    }

    @Schema(name = "PirTimelineEntry", description = "A deployment, alert or change move around the release")
    record TimelineEntry(Instant at,
                         @Schema(description = "deployment-started, deployment-finished, rollback, alert-fired, "
                                 + "alert-resolved or change-state") String kind,
                         String text,
                         @Schema(description = "the pipeline run or the alert's graph; null when none") String link) {
    }

    @Schema(name = "PirDataGap", description = "Something the figures cannot show")
    record Gap(@Schema(description = "uncovered-failure-mode, truncated-alerts or metric-unavailable") String kind,
               String text) {
    }

    @Schema(name = "PirDeploymentTelemetry",
            description = "The application's runs to the environment over both windows")
    record Telemetry(String application, String environment, Instant from, Instant to, int deployments, int failed,
                     int rollbacks, double rollbackFrequency,
                     @Schema(description = "ISO-8601 duration, e.g. PT4M30S; null when no run reported start and end")
                     String medianDuration,
                     @Schema(description = "ISO-8601 duration; null when no run reported start and end")
                     String longestDuration) {
    }

    @Schema(name = "PirSummary", description = "A release's post-implementation review figures")
    record Summary(String key, String changeNumber, String application, String environment, String service,
                   String version,
                   @Schema(description = "the moment the windows are measured from") Instant deployedAt,
                   @Schema(description = "start of the before window") Instant from,
                   @Schema(description = "end of the after window") Instant to,
                   List<Metric> metrics, List<TimelineEntry> timeline, List<Gap> gaps,
                   @Schema(description = "null when unknown") Telemetry telemetry,
                   @Schema(description = "false when the monitoring could not give every figure") boolean complete,
                   @Schema(description = "why figures are missing; null when complete") String incomplete,
                   Instant collectedAt,
                   @Schema(description = "how often the figures were collected, this time included") int collections) {
    }

    @Schema(name = "PirCollectionQueued")
    record Queued(String status, String key, String message) {
    }

    private PirViews() {
    }

    static Summary of(PirSummary summary) {
        return new Summary(summary.key(), summary.changeNumber(), summary.application(), summary.environment(),
                summary.service(), summary.version(), summary.deployedAt(), summary.from(), summary.to(),
                summary.metrics().stream().map(PirViews::metric).toList(),
                summary.timeline().stream().map(entry -> new TimelineEntry(entry.at(), entry.kind(), entry.text(),
                        entry.link())).toList(),
                summary.gaps().stream().map(gap -> new Gap(gap.kind(), gap.text())).toList(),
                telemetry(summary.telemetry()), summary.complete(), summary.incomplete(), summary.collectedAt(),
                summary.collections());
    }

    private static Metric metric(PirSummary.MetricRow row) {
        Double percent = row.changePercent().isPresent() ? row.changePercent().getAsDouble() : null;
        return new Metric(row.id(), row.title(), row.unit(), row.before(), row.after(), percent, row.verdict().name(),
                row.graph(), row.query(), row.problem());
    }

    private static Telemetry telemetry(DeploymentTelemetry telemetry) {
        if (telemetry == null) {
            return null;
        }
        return new Telemetry(telemetry.application(), telemetry.environment(), telemetry.from(), telemetry.to(),
                telemetry.deployments(), telemetry.failed(), telemetry.rollbacks(), telemetry.rollbackFrequency(),
                iso(telemetry.medianDuration()), iso(telemetry.longestDuration()));
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
