package io.retrobridge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WorkCalendarTest {

    private static final LocalDate TUE_22_DEC_2026 = LocalDate.of(2026, 12, 22);

    /** Christmas Eve, Christmas, a bridge Monday, New Year's Eve and New Year's Day. */
    private static final WorkCalendar YEAR_END = new WorkCalendar(ZoneId.of("Europe/Berlin"),
            Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
                    LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1)));

    @Test
    void weekendsAndHolidaysAreNotWorkingDays() {
        assertThat(YEAR_END.isWorkingDay(LocalDate.of(2026, 12, 23))).as("Wednesday").isTrue();
        assertThat(YEAR_END.isWorkingDay(LocalDate.of(2026, 12, 24))).as("holiday on a Thursday").isFalse();
        assertThat(YEAR_END.isWorkingDay(LocalDate.of(2026, 12, 26))).as("Saturday").isFalse();
        assertThat(YEAR_END.isWorkingDay(LocalDate.of(2026, 12, 27))).as("Sunday").isFalse();
        assertThat(YEAR_END.isWorkingDay(LocalDate.of(2027, 1, 4))).as("Monday after New Year").isTrue();
    }

    @Test
    void businessDaysOverdueAcrossYearEndSkipWeekendsAndHolidays() {
        // Read off a printed calendar: Dec 2026 starts on a Tuesday, Jan 2027 on a Friday.
        Map<LocalDate, Long> expected = new LinkedHashMap<>();
        expected.put(LocalDate.of(2026, 12, 22), 0L); // Tue, the due date
        expected.put(LocalDate.of(2026, 12, 23), 1L); // Wed
        expected.put(LocalDate.of(2026, 12, 24), 1L); // Thu holiday
        expected.put(LocalDate.of(2026, 12, 25), 1L); // Fri holiday
        expected.put(LocalDate.of(2026, 12, 26), 1L); // Sat
        expected.put(LocalDate.of(2026, 12, 27), 1L); // Sun
        expected.put(LocalDate.of(2026, 12, 28), 1L); // Mon holiday
        expected.put(LocalDate.of(2026, 12, 29), 2L); // Tue
        expected.put(LocalDate.of(2026, 12, 30), 3L); // Wed
        expected.put(LocalDate.of(2026, 12, 31), 3L); // Thu holiday
        expected.put(LocalDate.of(2027, 1, 1), 3L);   // Fri holiday
        expected.put(LocalDate.of(2027, 1, 2), 3L);   // Sat
        expected.put(LocalDate.of(2027, 1, 3), 3L);   // Sun
        expected.put(LocalDate.of(2027, 1, 4), 4L);   // Mon
        expected.put(LocalDate.of(2027, 1, 5), 5L);   // Tue
        expected.put(LocalDate.of(2027, 1, 6), 6L);   // Wed

        expected.forEach((today, days) -> assertThat(YEAR_END.daysOverdue(TUE_22_DEC_2026, today, DayCount.BUSINESS))
                .as("business days overdue on %s", today).isEqualTo(days));
    }

    @Test
    void calendarDaysCountEveryDayAcrossYearEnd() {
        assertThat(YEAR_END.daysOverdue(TUE_22_DEC_2026, LocalDate.of(2026, 12, 23), DayCount.CALENDAR)).isEqualTo(1);
        assertThat(YEAR_END.daysOverdue(TUE_22_DEC_2026, LocalDate.of(2026, 12, 31), DayCount.CALENDAR)).isEqualTo(9);
        assertThat(YEAR_END.daysOverdue(TUE_22_DEC_2026, LocalDate.of(2027, 1, 1), DayCount.CALENDAR)).isEqualTo(10);
        assertThat(YEAR_END.daysOverdue(TUE_22_DEC_2026, LocalDate.of(2027, 1, 6), DayCount.CALENDAR)).isEqualTo(15);
    }

    @Test
    void nothingIsOverdueOnItsDueDateOrBefore() {
        for (DayCount count : DayCount.values()) {
            assertThat(YEAR_END.daysOverdue(TUE_22_DEC_2026, TUE_22_DEC_2026, count)).isZero();
            assertThat(YEAR_END.daysOverdue(TUE_22_DEC_2026, LocalDate.of(2026, 12, 1), count)).isZero();
        }
    }

    @Test
    void anItemDueOnFridayIsOneBusinessDayOverdueOnMonday() {
        WorkCalendar standard = WorkCalendar.standard();
        LocalDate friday = LocalDate.of(2026, 11, 20);

        assertThat(standard.daysOverdue(friday, LocalDate.of(2026, 11, 22), DayCount.BUSINESS)).isZero();
        assertThat(standard.daysOverdue(friday, LocalDate.of(2026, 11, 23), DayCount.BUSINESS)).isEqualTo(1);
        assertThat(standard.daysOverdue(friday, LocalDate.of(2026, 11, 23), DayCount.CALENDAR)).isEqualTo(3);
    }

    @Test
    void missingDatesAreRefusedByName() {
        assertThatThrownBy(() -> YEAR_END.daysOverdue(null, TUE_22_DEC_2026, DayCount.CALENDAR))
                .hasMessageContaining("due");
        assertThatThrownBy(() -> YEAR_END.isWorkingDay(null)).hasMessageContaining("date");
    }

    @Property(tries = 300)
    void businessCountMatchesDayByDayCountingAndNeverExceedsCalendarCount(
            @ForAll @IntRange(min = -400, max = 400) int dueOffset, @ForAll @IntRange(min = 0, max = 800) int span) {
        LocalDate due = TUE_22_DEC_2026.plusDays(dueOffset);
        LocalDate today = due.plusDays(span);

        long business = YEAR_END.daysOverdue(due, today, DayCount.BUSINESS);

        assertThat(business).isEqualTo(countWorkingDaysOneByOne(due, today));
        assertThat(business).isLessThanOrEqualTo(YEAR_END.daysOverdue(due, today, DayCount.CALENDAR));
    }

    @Property(tries = 300)
    void neitherCountDecreasesAsTodayAdvances(@ForAll @IntRange(min = -30, max = 30) int todayOffset,
                                              @ForAll @IntRange(min = 0, max = 20) int step) {
        LocalDate today = TUE_22_DEC_2026.plusDays(todayOffset);
        LocalDate later = today.plusDays(step);

        for (DayCount count : DayCount.values()) {
            assertThat(YEAR_END.daysOverdue(TUE_22_DEC_2026, later, count))
                    .isGreaterThanOrEqualTo(YEAR_END.daysOverdue(TUE_22_DEC_2026, today, count));
        }
    }

    private static long countWorkingDaysOneByOne(LocalDate due, LocalDate today) {
        long count = 0;
        for (LocalDate day = due.plusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (YEAR_END.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
