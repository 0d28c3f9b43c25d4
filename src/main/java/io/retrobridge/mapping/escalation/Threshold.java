package io.retrobridge.mapping.escalation;

import io.retrobridge.domain.DayCount;

/** Days overdue at which a step fires, counted per {@code count}. {@code days} is 0 or more (0: on the first day past due). */
public record Threshold(int days, DayCount count) {

    public Threshold {
        if (days < 0) {
            throw new IllegalArgumentException("days must be 0 or more but was " + days);
        }
        java.util.Objects.requireNonNull(count, "count");
    }
}
