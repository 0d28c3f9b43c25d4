package io.retrobridge.insight.effectiveness;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Recovery from failed production deployments over [from, to).
 *
 * @param failures          failed or aborted production runs that finished in the window
 * @param restored          those restored within {@link RecoveryTimes#RESTORE_LIMIT} of failing
 * @param recoveryMinutes   each restored failure's recovery time in whole minutes, shortest first
 * @param medianMinutes     their median (the mean of the two middle ones for an even count), one decimal; null when
 *                          none was restored
 */
public record RecoveryWindow(Instant from, Instant to, int failures, int restored, List<Long> recoveryMinutes,
                             BigDecimal medianMinutes) {

    public RecoveryWindow {
        recoveryMinutes = List.copyOf(recoveryMinutes);
    }

    static RecoveryWindow of(Instant from, Instant to, int failures, List<Long> minutes) {
        List<Long> sorted = minutes.stream().sorted().toList();
        return new RecoveryWindow(from, to, failures, sorted.size(), sorted, Medians.of(sorted));
    }
}
