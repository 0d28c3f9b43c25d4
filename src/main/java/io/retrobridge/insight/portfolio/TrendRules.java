package io.retrobridge.insight.portfolio;

import io.retrobridge.insight.delivery.DeliveryFigures;
import io.retrobridge.insight.delivery.DoraBand;
import io.retrobridge.insight.effectiveness.EffectivenessFigures;
import io.retrobridge.insight.portfolio.Portfolio.Change;
import io.retrobridge.insight.portfolio.Portfolio.Direction;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * When a figure of an application counts as improved or worsened from one month to the next (both months need a
 * value; a month without one is skipped, not compared across):
 * <ul>
 *   <li>the four banded delivery figures (deployment frequency, change lead time, change fail rate, failed
 *       deployment recovery time): the DORA band moved, elite being best;</li>
 *   <li>rates without bands (deployment rework rate, action completion rate, on-time rate, recurrence rate): the
 *       rate changed by more than {@link #RATE_THRESHOLD} (ten percentage points); lower is better for rework and
 *       recurrence, higher for completion and on time.</li>
 * </ul>
 */
public final class TrendRules {

    public static final BigDecimal RATE_THRESHOLD = new BigDecimal("0.10");

    private TrendRules() {
    }

    /** The changes of one application between {@code earlier} (month {@code from}) and {@code later}. */
    static List<Change> compare(String application, YearMonth month, Portfolio.Row earlier, Portfolio.Row later) {
        List<Change> changes = new ArrayList<>();
        if (earlier.delivery() != null && later.delivery() != null) {
            DeliveryFigures a = earlier.delivery();
            DeliveryFigures b = later.delivery();
            band(changes, application, month, "deployment frequency", a.deploymentFrequency().deployments() > 0
                    ? a.deploymentFrequency().band() : null, b.deploymentFrequency().deployments() > 0
                    ? b.deploymentFrequency().band() : null);
            band(changes, application, month, "change lead time", a.changeLeadTime().band(), b.changeLeadTime().band());
            band(changes, application, month, "change fail rate", a.changeFailRate().band(), b.changeFailRate().band());
            band(changes, application, month, "failed deployment recovery time",
                    a.failedDeploymentRecoveryTime().band(), b.failedDeploymentRecoveryTime().band());
            rate(changes, application, month, "deployment rework rate", decimal(a.deploymentReworkRate().rate()),
                    decimal(b.deploymentReworkRate().rate()), false);
        }
        if (earlier.effectiveness() != null && later.effectiveness() != null) {
            EffectivenessFigures a = earlier.effectiveness();
            EffectivenessFigures b = later.effectiveness();
            rate(changes, application, month, "action completion rate", a.completionRate(), b.completionRate(), true);
            rate(changes, application, month, "on-time rate", a.onTimeRate(), b.onTimeRate(), true);
            Function<EffectivenessFigures, BigDecimal> recurrence = f -> f.recurrence().rate();
            rate(changes, application, month, "recurrence rate", recurrence.apply(a), recurrence.apply(b), false);
        }
        return changes;
    }

    private static void band(List<Change> changes, String application, YearMonth month, String figure,
                             DoraBand before, DoraBand after) {
        if (before == null || after == null || before == after) {
            return;
        }
        // The enum runs from elite to low, so a smaller ordinal is the better band.
        changes.add(new Change(application, month, figure, before.label(), after.label(),
                after.ordinal() < before.ordinal() ? Direction.IMPROVED : Direction.WORSENED));
    }

    private static void rate(List<Change> changes, String application, YearMonth month, String figure,
                             BigDecimal before, BigDecimal after, boolean higherIsBetter) {
        if (before == null || after == null || after.subtract(before).abs().compareTo(RATE_THRESHOLD) <= 0) {
            return;
        }
        boolean rose = after.compareTo(before) > 0;
        changes.add(new Change(application, month, figure, before.toPlainString(), after.toPlainString(),
                rose == higherIsBetter ? Direction.IMPROVED : Direction.WORSENED));
    }

    private static BigDecimal decimal(Double rate) {
        return rate == null ? null : BigDecimal.valueOf(rate).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
