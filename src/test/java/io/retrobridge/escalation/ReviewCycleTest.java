package io.retrobridge.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.mapping.escalation.Grouping;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ReviewCycleTest {

    private static final Grouping WEEKLY = grouping(1, DayOfWeek.MONDAY);

    @Test
    void weeklyCyclesAreIsoWeeks() {
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 11, 23), WEEKLY)).isEqualTo("2026-W48");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 11, 29), WEEKLY)).isEqualTo("2026-W48");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 11, 30), WEEKLY)).isEqualTo("2026-W49");
    }

    @Test
    void yearEndDaysBelongToTheWeekBasedYear() {
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 12, 31), WEEKLY)).isEqualTo("2026-W53");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2027, 1, 1), WEEKLY)).isEqualTo("2026-W53");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2027, 1, 3), WEEKLY)).isEqualTo("2026-W53");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2027, 1, 4), WEEKLY)).isEqualTo("2027-W01");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2025, 12, 29), WEEKLY)).isEqualTo("2026-W01");
    }

    @Test
    void aCycleStartingMidweekIsNamedByTheWeekOfItsFirstDay() {
        Grouping wednesdays = grouping(1, DayOfWeek.WEDNESDAY);

        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 11, 24), wednesdays)).as("Tue, cycle from Wed 18th").isEqualTo("2026-W47");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 11, 25), wednesdays)).as("Wed").isEqualTo("2026-W48");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 12, 1), wednesdays)).as("Tue").isEqualTo("2026-W48");
    }

    @Test
    void fortnightlyCyclesCountFromTheFirstMondayOf2024() {
        Grouping fortnightly = grouping(2, DayOfWeek.MONDAY);

        // 2024-01-01 is a Monday; 1,050 days (75 fortnights) later is Monday 2026-11-16, in ISO week 47.
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 11, 16), fortnightly)).isEqualTo("2026-W47+2");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 11, 29), fortnightly)).isEqualTo("2026-W47+2");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2026, 11, 30), fortnightly)).isEqualTo("2026-W49+2");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2024, 1, 1), fortnightly)).isEqualTo("2024-W01+2");
        assertThat(ReviewCycle.cycleOf(LocalDate.of(2023, 12, 31), fortnightly)).as("before the anchor")
                .isEqualTo("2023-W51+2");
    }

    @Test
    void aGroupKeyIsTheBoardAndTheCycle() {
        String key = ReviewCycle.groupKey("release-advisory-board", LocalDate.of(2026, 12, 31), WEEKLY);

        assertThat(key).isEqualTo("release-advisory-board/2026-W53");
        assertThat(ReviewCycle.cycleOfGroupKey(key)).isEqualTo("2026-W53");
        assertThatThrownBy(() -> ReviewCycle.cycleOfGroupKey("cab")).hasMessageContaining("not board id");
    }

    @Test
    void aCycleOfNoWeeksIsRefused() {
        assertThatThrownBy(() -> ReviewCycle.cycleOf(LocalDate.of(2026, 11, 26), grouping(0, DayOfWeek.MONDAY)))
                .hasMessageContaining("cycle-weeks was 0");
    }

    @Property(tries = 300)
    void everyDayLiesInTheCycleThatStartsOnTheConfiguredWeekday(
            @ForAll @IntRange(min = -2000, max = 4000) int offset, @ForAll @IntRange(min = 1, max = 4) int weeks,
            @ForAll DayOfWeek startsOn) {
        LocalDate date = LocalDate.of(2024, 1, 1).plusDays(offset);
        Grouping grouping = grouping(weeks, startsOn);

        LocalDate first = ReviewCycle.firstDay(date, grouping);

        assertThat(first.getDayOfWeek()).isEqualTo(startsOn);
        assertThat(ChronoUnit.DAYS.between(first, date)).isBetween(0L, 7L * weeks - 1);
        assertThat(ReviewCycle.cycleOf(first.plusDays(7L * weeks - 1), grouping)).isEqualTo(ReviewCycle.cycleOf(date, grouping));
        assertThat(ReviewCycle.cycleOf(first.plusDays(7L * weeks), grouping)).isNotEqualTo(ReviewCycle.cycleOf(date, grouping));
    }

    private static Grouping grouping(int weeks, DayOfWeek startsOn) {
        return new Grouping(weeks, startsOn, TestPolicy.GROUP_TEXT);
    }
}
