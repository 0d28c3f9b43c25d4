package io.retrobridge.insight.effectiveness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a report window is cut into periods: not at all, by calendar month, or by ISO week (Monday to Sunday). */
public enum Granularity {
    WINDOW, MONTH, WEEK;

    /** One period: the days [from, to). */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** By its lower-case name; empty for any other value. */
    public static Optional<Granularity> named(String name) {
        for (Granularity granularity : values()) {
            if (granularity.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(granularity);
            }
        }
        return Optional.empty();
    }

    /** The periods of [from, to), the first and last cut to the window. */
    public List<Period> periods(LocalDate from, LocalDate to) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = from;
        while (start.isBefore(to)) {
            LocalDate next = switch (this) {
                case WINDOW -> to;
                case MONTH -> start.with(TemporalAdjusters.firstDayOfNextMonth());
                case WEEK -> start.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            };
            LocalDate end = next.isAfter(to) ? to : next;
            periods.add(new Period(start, end));
            start = end;
        }
        return periods;
    }
}
