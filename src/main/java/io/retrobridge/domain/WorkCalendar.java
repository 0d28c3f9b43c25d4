package io.retrobridge.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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

    /** A working day is neither a weekend day nor a holiday. */
    public boolean isWorkingDay(LocalDate date) {
        RecordArguments.required(date, "date");
        return !weekend.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /**
     * Days an item due on {@code due} is overdue on {@code today}: 0 on the due date itself and before it.
     * Calendar counting counts every day after the due date; business counting counts only working days after it
     * (up to and including today).
     */
    public long daysOverdue(LocalDate due, LocalDate today, DayCount count) {
        RecordArguments.required(due, "due");
        RecordArguments.required(today, "today");
        RecordArguments.required(count, "count");
        if (!today.isAfter(due)) {
            return 0;
        }
        long calendarDays = ChronoUnit.DAYS.between(due, today);
        return count == DayCount.CALENDAR ? calendarDays : workingDaysAfter(due, calendarDays);
    }

    /**
     * Working days in (due, due + days]. Whole weeks are counted by arithmetic and holidays subtracted one by one,
     * so an item overdue for years costs as little as one overdue for a day.
     */
    private long workingDaysAfter(LocalDate due, long days) {
        long wholeWeeks = days / 7;
        long count = wholeWeeks * (7 - weekend.size());
        LocalDate last = due.plusDays(days);
        for (LocalDate day = due.plusWeeks(wholeWeeks).plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            if (!weekend.contains(day.getDayOfWeek())) {
                count++;
            }
        }
        for (LocalDate holiday : holidays) {
            if (holiday.isAfter(due) && !holiday.isAfter(last) && !weekend.contains(holiday.getDayOfWeek())) {
                count--;
            }
        }
        return count;
    }
}
