package io.retrobridge.escalation;

import io.retrobridge.mapping.escalation.Grouping;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * The review cycle a day belongs to, as a key people can read: the ISO week of the cycle's first day ("2026-W48"),
 * with "+N" for cycles of N weeks ("2026-W48+2"). Cycles of N weeks are aligned to the first {@code startsOn} day
 * on or after 2024-01-01, so every instance and every restart cuts the same cycles.
 */
public final class ReviewCycle {

    private static final LocalDate EPOCH = LocalDate.of(2024, 1, 1);

    private ReviewCycle() {
    }

    public static String cycleOf(LocalDate date, Grouping grouping) {
        Objects.requireNonNull(date, "date is required but was null");
        Objects.requireNonNull(grouping, "grouping is required but was null");
        return key(firstDay(date, grouping), grouping.cycleWeeks());
    }

    /** The key of a board's cycle ticket: board id + "/" + cycle, e.g. cab/2026-W48. */
    public static String groupKey(String boardId, LocalDate date, Grouping grouping) {
        Objects.requireNonNull(boardId, "boardId is required but was null");
        return boardId + "/" + cycleOf(date, grouping);
    }

    /** The cycle part of a group key ("2026-W48" of "cab/2026-W48"); board ids never contain "/". */
    public static String cycleOfGroupKey(String groupKey) {
        int slash = groupKey.indexOf('/');
        if (slash < 1 || slash == groupKey.length() - 1) {
            throw new IllegalArgumentException("Group key '" + groupKey + "' is not board id + \"/\" + cycle");
        }
        return groupKey.substring(slash + 1);
    }

    /** The first day of the cycle holding {@code date}. */
    public static LocalDate firstDay(LocalDate date, Grouping grouping) {
        int weeks = grouping.cycleWeeks();
        if (weeks < 1) {
            throw new IllegalArgumentException("A review cycle lasts 1 week or more but cycle-weeks was " + weeks);
        }
        Objects.requireNonNull(grouping.startsOn(), "grouping.startsOn is required but was null");
        LocalDate anchor = EPOCH.with(TemporalAdjusters.nextOrSame(grouping.startsOn()));
        long cycleDays = 7L * weeks;
        long cycles = Math.floorDiv(ChronoUnit.DAYS.between(anchor, date), cycleDays);
        return anchor.plusDays(cycles * cycleDays);
    }

    static String key(LocalDate firstDay, int weeks) {
        String isoWeek = String.format("%d-W%02d", firstDay.get(IsoFields.WEEK_BASED_YEAR),
                firstDay.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return weeks == 1 ? isoWeek : isoWeek + "+" + weeks;
    }
}
