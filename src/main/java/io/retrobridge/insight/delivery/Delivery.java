package io.retrobridge.insight.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A delivery report: the figures over the whole window for every application together, and per application both
 * over the window and per bucket.
 */
public record Delivery(DeliveryQuery query, DeliveryRules rules, DeliveryFigures overall,
                       List<ApplicationDelivery> applications) {

    /** One application's figures in one environment. */
    public record ApplicationDelivery(String application, String environment, DeliveryFigures figures,
                                      List<Bucket> buckets) {
    }

    /**
     * One bucket: the day, week or month starting on {@code start} in the report's zone, cut to the window.
     */
    public record Bucket(LocalDate start, Instant from, Instant to, DeliveryFigures figures) {
    }
}
