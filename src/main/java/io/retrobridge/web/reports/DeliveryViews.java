package io.retrobridge.web.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.retrobridge.insight.delivery.Delivery;
import io.retrobridge.insight.delivery.DeliveryEvent;
import io.retrobridge.insight.delivery.DeliveryFigures;
import io.retrobridge.insight.delivery.DoraBand;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The delivery report as the API answers it: durations both in seconds and as ISO 8601 durations, bands in lower
 * case, and the events only when they were asked for.
 */
final class DeliveryViews {

    private DeliveryViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryReportView(String application, String environment, Instant from, Instant to, String zone,
                      String granularity, String failureWindow, String reworkWindow, FiguresView overall,
                      List<ApplicationView> applications, String team, List<DeliveryTeamView> teams) {
    }

    /** A team's figures over the union of its applications' runs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryTeamView(String team, String displayName, List<String> applications, String environment,
                            FiguresView figures, List<BucketView> buckets) {
    }

    record ApplicationView(String application, String environment, FiguresView figures, List<BucketView> buckets) {
    }

    record BucketView(LocalDate start, Instant from, Instant to, FiguresView figures) {
    }

    record FiguresView(FrequencyView deploymentFrequency, LeadTimeView changeLeadTime, FailRateView changeFailRate,
                       RecoveryView failedDeploymentRecoveryTime, ReworkView deploymentReworkRate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FrequencyView(int deployments, double perDay, String band, List<DeliveryEventView> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LeadTimeView(Double medianSeconds, String median, int counted, int leftOut, String band,
                        List<DeliveryEventView> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FailRateView(int failed, int deployments, Double rate, String band, List<DeliveryEventView> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecoveryView(Double medianSeconds, String median, int restored, int unrestored, String band,
                        List<DeliveryEventView> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReworkView(int rework, int deployments, Double rate, String band, List<DeliveryEventView> events) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryEventView(String application, String source, String runId, Instant finishedAt, String runUrl, String note,
                     Double durationSeconds, String duration) {
    }

    static DeliveryReportView of(Delivery delivery) {
        boolean events = delivery.query().events();
        return new DeliveryReportView(delivery.query().application(), delivery.query().environment(), delivery.query().from(),
                delivery.query().to(), delivery.query().zone().getId(), delivery.query().granularity().label(),
                delivery.rules().failureWindow().toString(), delivery.rules().reworkWindow().toString(),
                figures(delivery.overall(), events),
                delivery.applications().stream().map(application -> new ApplicationView(application.application(),
                        application.environment(), figures(application.figures(), events),
                        application.buckets().stream().map(bucket -> new BucketView(bucket.start(), bucket.from(),
                                bucket.to(), figures(bucket.figures(), events))).toList())).toList(),
                delivery.team(), delivery.teams().stream().map(team -> new DeliveryTeamView(team.team(),
                        team.displayName(), team.applications(), team.environment(), figures(team.figures(), events),
                        team.buckets().stream().map(bucket -> new BucketView(bucket.start(), bucket.from(),
                                bucket.to(), figures(bucket.figures(), events))).toList())).toList());
    }

    static FiguresView figures(DeliveryFigures figures, boolean events) {
        DeliveryFigures.Frequency frequency = figures.deploymentFrequency();
        DeliveryFigures.LeadTime lead = figures.changeLeadTime();
        DeliveryFigures.FailRate fail = figures.changeFailRate();
        DeliveryFigures.Recovery recovery = figures.failedDeploymentRecoveryTime();
        DeliveryFigures.Rework rework = figures.deploymentReworkRate();
        return new FiguresView(
                new FrequencyView(frequency.deployments(), frequency.perDay(), band(frequency.band()),
                        events(events, frequency.events())),
                new LeadTimeView(seconds(lead.median()), text(lead.median()), lead.counted(), lead.leftOut(),
                        band(lead.band()), events(events, lead.events())),
                new FailRateView(fail.failed(), fail.deployments(), fail.rate(), band(fail.band()),
                        events(events, fail.events())),
                new RecoveryView(seconds(recovery.median()), text(recovery.median()), recovery.restored(),
                        recovery.unrestored(), band(recovery.band()), events(events, recovery.events())),
                new ReworkView(rework.rework(), rework.deployments(), rework.rate(), band(rework.band()),
                        events(events, rework.events())));
    }

    private static List<DeliveryEventView> events(boolean wanted, List<DeliveryEvent> events) {
        return wanted ? events.stream().map(event -> new DeliveryEventView(event.application(), event.source(),
                event.runId(), event.at(), event.runUrl(), event.note(), seconds(event.duration()),
                text(event.duration()))).toList() : null;
    }

    static String band(DoraBand band) {
        return band == null ? null : band.label();
    }

    static Double seconds(Duration duration) {
        return duration == null ? null : duration.toMillis() / 1000.0;
    }

    private static String text(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
