package io.retrobridge.mapping.retro;

import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How long after a release ended its retrospective is due: {@code days} calendar days, or working days of the file's
 * calendar.
 */
public record DueIn(int days, DayCount count) {

    /** The due date of a retrospective for a release that ended at {@code end}. */
    public LocalDate after(Instant end, WorkCalendar calendar) {
        LocalDate date = end.atZone(calendar.zone()).toLocalDate();
        if (count == DayCount.CALENDAR) {
            return date.plusDays(days);
        }
        for (int left = days; left > 0; ) {
            date = date.plusDays(1);
            if (calendar.isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /** As admins write it: "5 business days". */
    public String describe() {
        return days + (count == DayCount.BUSINESS ? " business" : "") + (days == 1 ? " day" : " days");
    }
}
