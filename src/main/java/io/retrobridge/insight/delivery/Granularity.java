package io.retrobridge.insight.delivery;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** How a window is cut into buckets: calendar days, ISO weeks (from Monday) or calendar months, in a time zone. */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** The first day of the bucket {@code day} falls in. */
    public LocalDate bucketOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first day of the bucket after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    public static Optional<Granularity> named(String name) {
        for (Granularity granularity : values()) {
            if (granularity.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(granularity);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
