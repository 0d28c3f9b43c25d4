package io.retrobridge.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Which days are working days, in which time zone "today" is decided: the ruler escalation thresholds are
 * measured with.
 *
 * @param zone     the zone in which an instant becomes a date (a due date passes at midnight there)
 * @param weekend  days that are never working days (usually Saturday and Sunday)
 * @param holidays dates that are not working days
 */
public record WorkCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {

    public WorkCalendar {
        RecordArguments.required(zone, "zone");
        weekend = Set.copyOf(RecordArguments.required(weekend, "weekend"));
        holidays = Set.copyOf(RecordArguments.required(holidays, "holidays"));
    }

    /** Saturday and Sunday off, no holidays, in UTC. */
    public static WorkCalendar standard() {
        return new WorkCalendar(ZoneId.of("UTC"), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Days an item due on {@code due} is overdue on {@code today}: 0 on the due date itself and before it.
     * Calendar counting counts every day after the due date; business counting counts only working days after it
     * (up to and including today).
     */
    public long daysOverdue(LocalDate due, LocalDate today, DayCount count) {
        throw new UnsupportedOperationException("not yet");
    }
}
