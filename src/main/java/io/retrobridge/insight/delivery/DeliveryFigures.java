package io.retrobridge.insight.delivery;

import java.time.Duration;
import java.util.List;

/**
 * DORA's five figures over one set of deployments. A figure with no events behind it has no value and no band.
 * The event lists are empty unless events were asked for.
 */
public record DeliveryFigures(Frequency deploymentFrequency, LeadTime changeLeadTime, FailRate changeFailRate,
                              Recovery failedDeploymentRecoveryTime, Rework deploymentReworkRate) {

    /** Successful deployments, and how many a day that is over the period. */
    public record Frequency(int deployments, double perDay, DoraBand band, List<DeliveryEvent> events) {
    }

    /** The median commit-to-deployed time of successful deployments whose commit time is known. */
    public record LeadTime(Duration median, int counted, int leftOut, DoraBand band, List<DeliveryEvent> events) {
    }

    /** Failed deployments over all finished deployments. */
    public record FailRate(int failed, int deployments, Double rate, DoraBand band, List<DeliveryEvent> events) {
    }

    /** The median time from a failed deployment to restored service; unrestored failures are left out and counted. */
    public record Recovery(Duration median, int restored, int unrestored, DoraBand band, List<DeliveryEvent> events) {
    }

    /** Rework deployments over all finished deployments; DORA publishes no bands for it, so band is always null. */
    public record Rework(int rework, int deployments, Double rate, DoraBand band, List<DeliveryEvent> events) {
    }
}
