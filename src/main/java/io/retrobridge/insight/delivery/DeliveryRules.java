package io.retrobridge.insight.delivery;

import java.time.Duration;

/**
 * The two choices DORA leaves open, as configured.
 *
 * @param failureWindow how long after a deployment a rollback or a linked alert still marks it failed
 * @param reworkWindow  how long after a failed deployment a deployment of the same application counts as rework
 */
public record DeliveryRules(Duration failureWindow, Duration reworkWindow) {

    public DeliveryRules {
        if (failureWindow == null || failureWindow.isNegative() || failureWindow.isZero()
                || reworkWindow == null || reworkWindow.isNegative() || reworkWindow.isZero()) {
            throw new IllegalArgumentException("the failure and rework windows must be positive durations");
        }
    }
}
