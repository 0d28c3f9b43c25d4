package io.retrobridge.insight.effectiveness;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The effectiveness figures of a set of retrospectives (one application's, or all, opened in one period), judged on
 * {@code today}. Pure: the same retrospectives, history, recoveries and day give the same figures.
 *
 * <p>Every item counted is an action item of one of these retrospectives that a synced link holds (tasks not synced
 * are a data gap). Rates are rounded half up to 2 decimals and are null when their denominator is 0; medians are to
 * one decimal, the mean of the two middle values for an even count.
 * <ul>
 *   <li><b>completion rate</b>: done / all action items (open, in progress, done and cancelled alike).</li>
 *   <li><b>on-time rate</b>: done on or before its due date / done. A done item with no due date, or whose closing
 *       day is unknown, counts as on time (as the follow-up report counts it); items without a due date are listed
 *       among the data gaps.</li>
 *   <li><b>open age</b>: for items neither done nor cancelled, whole days from the day (in the report's zone) their
 *       retrospective opened to today; median and oldest.</li>
 *   <li><b>overdue age</b>: for open items due before today (an item due today is not overdue), whole days from the
 *       due date to today; median and oldest.</li>
 *   <li><b>recurrence rate</b>: recurred / closed tags. A failure-mode tag of a retrospective is <i>closed</i> when
 *       every item of that retrospective with the tag is done or cancelled on a known day; it closed at the start of
 *       the day after the last of them ({@link TrackedRetrospective#landedAt}). It <i>recurred</i> when another
 *       retrospective of the same application opened at or after that instant (at any time up to now, not only in
 *       the period) has an item with the same tag (compared ignoring case).</li>
 *   <li><b>recovery</b>: for each retrospective whose items all closed on known days, {@link RecoveryTimes} before
 *       and after they landed; the totals pool the failures and recovery times of those retrospectives.</li>
 *   <li><b>escalations</b>: per board, the board escalations of the items ({@link BoardEscalation}) and how they
 *       ended.</li>
 *   <li><b>data gaps</b>: retrospectives whose follow-ups were never read (their items are unknown and counted
 *       nowhere), follow-up tasks no synced link holds, items without a due date, items without a failure-mode
 *       tag.</li>
 * </ul>
 */
public record EffectivenessFigures(int retrospectives, int actionItems, int done, int cancelled,
                                   BigDecimal completionRate, int doneOnTime, BigDecimal onTimeRate, Ages open,
                                   Ages overdue, Recurrence recurrence, Recovery recovery,
                                   List<BoardTally> escalations, DataGaps gaps) {

    /** How many items, and their median and oldest age in days; nulls when there are none. */
    public record Ages(int items, BigDecimal medianDays, Long oldestDays) {
    }

    /** A closed failure-mode tag named again by a later retrospective. */
    public record RecurredTag(String failureMode, String retrospective, Instant closedAt, String recurredIn) {
    }

    public record Recurrence(int closedTags, int recurred, BigDecimal rate, List<RecurredTag> tags) {
    }

    /** The failures and recovery times of every compared retrospective, pooled per side. */
    public record RecoveryTotals(int failures, int restored, BigDecimal medianMinutes) {
    }

    public record Recovery(RecoveryTotals before, RecoveryTotals after, List<RecoveryComparison> retrospectives) {
    }

    /** One board's escalations by how they ended; {@code total} is their sum. */
    public record BoardTally(String board, int total, int closedItem, int open, int deescalated, int parked) {
    }

    /**
     * Item lists name items by display key, in key order, at most {@link #LISTED} of each: a portfolio can lack a
     * failure mode on tens of thousands of items, and the counts say how many (the drill-down lists them all).
     */
    public record DataGaps(List<String> followUpsNeverRead, int tasksNotSynced, List<String> itemsWithoutDueDate,
                           int itemsWithoutDueDateCount, List<String> itemsWithoutFailureMode,
                           int itemsWithoutFailureModeCount) {

        public static final int LISTED = 50;
    }

    /**
     * @param group      the retrospectives the figures are of
     * @param history    every retrospective of their applications, opened at any time (for recurrence)
     * @param recoveries the recovery comparison of each retrospective that has one, by key
     * @param zone       the zone in which days turn
     */
    public static EffectivenessFigures of(Collection<TrackedRetrospective> group,
                                          Collection<TrackedRetrospective> history,
                                          Map<String, RecoveryComparison> recoveries, LocalDate today, ZoneId zone) {
        return of(group, FailureModeHistory.of(history), recoveries, today, zone);
    }

    /** The same, with the history already indexed: a report asks it once per period, application and team. */
    static EffectivenessFigures of(Collection<TrackedRetrospective> group, FailureModeHistory history,
                                   Map<String, RecoveryComparison> recoveries, LocalDate today, ZoneId zone) {
        List<TrackedItem> items = group.stream().flatMap(r -> r.items().stream()).toList();
        int done = (int) items.stream().filter(TrackedItem::done).count();
        int cancelled = (int) items.stream().filter(item -> item.status().isClosed() && !item.done()).count();
        int onTime = (int) items.stream().filter(TrackedItem::done).filter(EffectivenessFigures::onTime).count();
        List<Long> openAges = new ArrayList<>();
        List<Long> overdueAges = new ArrayList<>();
        for (TrackedRetrospective retrospective : group) {
            LocalDate opened = LocalDate.ofInstant(retrospective.openedAt(), zone);
            for (TrackedItem item : retrospective.items()) {
                if (item.closed()) {
                    continue;
                }
                openAges.add(ChronoUnit.DAYS.between(opened, today));
                if (item.dueDate() != null && item.dueDate().isBefore(today)) {
                    overdueAges.add(ChronoUnit.DAYS.between(item.dueDate(), today));
                }
            }
        }
        return new EffectivenessFigures(group.size(), items.size(), done, cancelled,
                Medians.rate(done, items.size()), onTime, Medians.rate(onTime, done), ages(openAges),
                ages(overdueAges), recurrence(group, history, zone), recovery(group, recoveries),
                escalations(items), gaps(group, items));
    }

    private static boolean onTime(TrackedItem item) {
        return item.dueDate() == null || item.completedOn() == null || !item.completedOn().isAfter(item.dueDate());
    }

    private static Ages ages(List<Long> days) {
        return new Ages(days.size(), Medians.of(days), days.stream().max(Long::compareTo).orElse(null));
    }

    private static Recurrence recurrence(Collection<TrackedRetrospective> group, FailureModeHistory history,
                                         ZoneId zone) {
        int closed = 0;
        List<RecurredTag> recurred = new ArrayList<>();
        for (TrackedRetrospective retrospective : group) {
            Map<String, List<TrackedItem>> byTag = new TreeMap<>();
            for (TrackedItem item : retrospective.items()) {
                if (item.failureMode() != null) {
                    byTag.computeIfAbsent(tag(item.failureMode()), unused -> new ArrayList<>()).add(item);
                }
            }
            for (Map.Entry<String, List<TrackedItem>> entry : byTag.entrySet()) {
                Optional<Instant> closedAt = TrackedRetrospective.landedAt(entry.getValue(), zone);
                if (closedAt.isEmpty()) {
                    continue;
                }
                closed++;
                history.firstNaming(retrospective.application(), entry.getKey(), closedAt.get(), retrospective)
                        .ifPresent(later -> recurred.add(new RecurredTag(entry.getKey(), retrospective.key(),
                                closedAt.get(), later.key())));
            }
        }
        return new Recurrence(closed, recurred.size(), Medians.rate(recurred.size(), closed), recurred);
    }

    private static String tag(String failureMode) {
        return FailureModeHistory.tag(failureMode);
    }

    private static Recovery recovery(Collection<TrackedRetrospective> group,
                                     Map<String, RecoveryComparison> recoveries) {
        List<RecoveryComparison> compared = group.stream().map(r -> recoveries.get(r.key()))
                .filter(java.util.Objects::nonNull).toList();
        return new Recovery(totals(compared.stream().map(RecoveryComparison::before).toList()),
                totals(compared.stream().map(RecoveryComparison::after).toList()), compared);
    }

    private static RecoveryTotals totals(List<RecoveryWindow> windows) {
        List<Long> minutes = windows.stream().flatMap(w -> w.recoveryMinutes().stream()).toList();
        return new RecoveryTotals(windows.stream().mapToInt(RecoveryWindow::failures).sum(), minutes.size(),
                Medians.of(minutes));
    }

    private static List<BoardTally> escalations(List<TrackedItem> items) {
        Map<String, int[]> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (TrackedItem item : items) {
            for (BoardEscalation escalation : item.escalations()) {
                counts.computeIfAbsent(escalation.board(), unused -> new int[BoardEscalation.Outcome.values().length])
                        [escalation.outcome().ordinal()]++;
            }
        }
        List<BoardTally> tallies = new ArrayList<>();
        counts.forEach((board, by) -> tallies.add(new BoardTally(board, by[0] + by[1] + by[2] + by[3],
                by[BoardEscalation.Outcome.CLOSED_ITEM.ordinal()], by[BoardEscalation.Outcome.OPEN.ordinal()],
                by[BoardEscalation.Outcome.DEESCALATED.ordinal()], by[BoardEscalation.Outcome.PARKED.ordinal()])));
        return tallies;
    }

    private static DataGaps gaps(Collection<TrackedRetrospective> group, List<TrackedItem> items) {
        List<TrackedItem> withoutDueDate = items.stream().filter(item -> item.dueDate() == null).toList();
        List<TrackedItem> withoutFailureMode = items.stream().filter(item -> item.failureMode() == null).toList();
        return new DataGaps(
                group.stream().filter(r -> !r.followUpsRead()).map(TrackedRetrospective::key).sorted().toList(),
                group.stream().mapToInt(TrackedRetrospective::tasksNotSynced).sum(),
                firstKeys(withoutDueDate), withoutDueDate.size(),
                firstKeys(withoutFailureMode), withoutFailureMode.size());
    }

    private static List<String> firstKeys(List<TrackedItem> items) {
        return items.stream().map(TrackedItem::displayKey).sorted().limit(DataGaps.LISTED).toList();
    }
}
