package io.retrobridge.insight.effectiveness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The median of whole numbers, to one decimal: the middle one, or the mean of the two middle ones. */
final class Medians {

    private Medians() {
    }

    /** Null for no values. */
    static BigDecimal of(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        long twice = sorted.size() % 2 == 1 ? 2 * sorted.get(middle) : sorted.get(middle - 1) + sorted.get(middle);
        return BigDecimal.valueOf(twice).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
    }

    /** {@code part / whole} rounded half up to 2 decimals; null when whole is 0 (no rate without a denominator). */
    static BigDecimal rate(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
