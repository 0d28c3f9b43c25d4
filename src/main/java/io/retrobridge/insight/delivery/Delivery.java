package io.retrobridge.insight.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A delivery report: the figures over the whole window for every application together, and per application both
 * over the window and per bucket; per team too when teams are defined.
 *
 * @param team  the one team the report is restricted to; null for every application
 * @param teams per team (name order, unassigned last), over the union of its applications' runs; empty
 *              without teams
 */
public record Delivery(DeliveryQuery query, DeliveryRules rules, DeliveryFigures overall,
                       List<ApplicationDelivery> applications, String team, List<TeamDelivery> teams) {

    public Delivery {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    /** A report without teams. */
    public Delivery(DeliveryQuery query, DeliveryRules rules, DeliveryFigures overall,
                    List<ApplicationDelivery> applications) {
        this(query, rules, overall, applications, null, List.of());
    }

    /** One application's figures in one environment. */
    public record ApplicationDelivery(String application, String environment, DeliveryFigures figures,
                                      List<Bucket> buckets) {
    }

    /** One team's figures in one environment: its applications in the report, in name order. */
    public record TeamDelivery(String team, String displayName, List<String> applications, String environment,
                               DeliveryFigures figures, List<Bucket> buckets) {
    }

    /**
     * One bucket: the day, week or month starting on {@code start} in the report's zone, cut to the window.
     */
    public record Bucket(LocalDate start, Instant from, Instant to, DeliveryFigures figures) {
    }
}
