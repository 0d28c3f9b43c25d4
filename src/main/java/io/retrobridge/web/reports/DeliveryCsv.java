package io.retrobridge.web.reports;

import io.retrobridge.insight.delivery.Delivery;
import io.retrobridge.insight.delivery.DeliveryFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The delivery report as CSV (RFC 4180: comma separated, CRLF line ends, a header row): one row per application and
 * bucket, in the order of the JSON, then one per team and bucket, whose application cell is {@value #TEAM_PREFIX}
 * and the team's name (no application name has a colon). Empty cells where a figure has no value. Cells are written
 * as the follow-up report writes them, so an application name never runs as a formula.
 */
final class DeliveryCsv {

    static final List<String> HEADER = List.of("application", "environment", "bucket", "from", "to", "deployments",
            "deployments-per-day", "deployment-frequency-band", "lead-time-median-seconds", "lead-time-counted",
            "lead-time-left-out", "lead-time-band", "failed-deployments", "finished-deployments", "change-fail-rate",
            "change-fail-rate-band", "recovery-median-seconds", "restored", "unrestored", "recovery-band",
            "rework-deployments", "rework-rate");

    /** What the application cell of a team's row starts with. */
    static final String TEAM_PREFIX = "team:";

    private static final String LINE_END = "\r\n";

    private DeliveryCsv() {
    }

    static String write(Delivery delivery) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (Delivery.ApplicationDelivery application : delivery.applications()) {
            for (Delivery.Bucket bucket : application.buckets()) {
                List<String> cells = new ArrayList<>(List.of(application.application(), application.environment(),
                        bucket.start().toString(), bucket.from().toString(), bucket.to().toString()));
                cells.addAll(figures(bucket.figures()));
                line(csv, cells);
            }
        }
        for (Delivery.TeamDelivery team : delivery.teams()) {
            for (Delivery.Bucket bucket : team.buckets()) {
                List<String> cells = new ArrayList<>(List.of(TEAM_PREFIX + team.team(), team.environment(),
                        bucket.start().toString(), bucket.from().toString(), bucket.to().toString()));
                cells.addAll(figures(bucket.figures()));
                line(csv, cells);
            }
        }
        return csv.toString();
    }

    private static List<String> figures(DeliveryFigures figures) {
        DeliveryFigures.Frequency frequency = figures.deploymentFrequency();
        DeliveryFigures.LeadTime lead = figures.changeLeadTime();
        DeliveryFigures.FailRate fail = figures.changeFailRate();
        DeliveryFigures.Recovery recovery = figures.failedDeploymentRecoveryTime();
        DeliveryFigures.Rework rework = figures.deploymentReworkRate();
        return List.of(String.valueOf(frequency.deployments()), String.valueOf(frequency.perDay()),
                text(DeliveryViews.band(frequency.band())), text(DeliveryViews.seconds(lead.median())),
                String.valueOf(lead.counted()), String.valueOf(lead.leftOut()), text(DeliveryViews.band(lead.band())),
                String.valueOf(fail.failed()), String.valueOf(fail.deployments()), text(fail.rate()),
                text(DeliveryViews.band(fail.band())), text(DeliveryViews.seconds(recovery.median())),
                String.valueOf(recovery.restored()), String.valueOf(recovery.unrestored()),
                text(DeliveryViews.band(recovery.band())), String.valueOf(rework.rework()), text(rework.rate()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(FollowUpCsv::cell).collect(Collectors.joining(","))).append(LINE_END);
    }
}
