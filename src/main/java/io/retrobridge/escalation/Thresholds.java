package io.retrobridge.escalation;

import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.mapping.escalation.Threshold;
import java.time.LocalDate;

/** When a threshold counts as reached: the day is past the start and the days counted since reach it. */
final class Thresholds {

    /** Reached on any day after the start, whatever the count. */
    static final Threshold PAST_DUE = new Threshold(0, DayCount.CALENDAR);

    private Thresholds() {
    }

    /**
     * A threshold of N is reached when the days counted after {@code start} up to {@code today} are N or more. Only
     * days after the start count at all, so a threshold of 0 means "on the first day past it", not "always".
     */
    static boolean reached(WorkCalendar calendar, LocalDate start, LocalDate today, Threshold threshold) {
        return start != null && today.isAfter(start)
                && calendar.daysOverdue(start, today, threshold.count()) >= threshold.days();
    }
}
