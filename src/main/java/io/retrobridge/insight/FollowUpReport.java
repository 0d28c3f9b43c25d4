package io.retrobridge.insight;

import io.retrobridge.escalation.FollowUpFact;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Did the actions a retrospective committed to get done, and on time? One row per retrospective and one per team,
 * counted from the follow-up facts as they stand {@code today}. Pure: the same facts and day give the same report.
 *
 * <p>How each item counts:
 * <ul>
 *   <li><b>cancelled</b> items are counted in {@code cancelled} only: a cancelled action was withdrawn, not
 *       committed, so it is in none of the other columns and does not lower the completion rate.</li>
 *   <li>Every other item is <b>committed</b>, and is exactly one of completed on time, completed late or open.</li>
 *   <li><b>completed on time</b>: done on or before its due date, or done with no due date. A done item whose
 *       completion day is unknown also counts as on time: nothing shows it was late.</li>
 *   <li><b>completed late</b>: done after its due date.</li>
 *   <li><b>open</b>: neither done nor cancelled (open, in progress, or a status we do not know).</li>
 *   <li><b>overdue</b>: open, and its due date is before today (an item due today is not overdue yet).</li>
 *   <li><b>escalated</b>: committed and ever raised to a board, whatever its state now.</li>
 *   <li><b>completion rate</b>: (on time + late) / committed, rounded half up to 2 decimals; 0.00 when nothing
 *       was committed.</li>
 * </ul>
 * Items with no retrospective are counted under {@value #NO_RETROSPECTIVE}, items with no team under
 * {@value #NO_TEAM}; those rows come last, the others are in name order.
 *
 * @param today           the day overdue was judged on
 * @param byRetrospective one row per retrospective
 * @param byTeam          one row per team
 */
public record FollowUpReport(LocalDate today, List<Row> byRetrospective, List<Row> byTeam) {

    public static final String NO_RETROSPECTIVE = "(no retrospective)";
    public static final String NO_TEAM = "(no team)";
    public static final String BY_RETROSPECTIVE = "retrospective";
    public static final String BY_TEAM = "team";

    public FollowUpReport {
        Objects.requireNonNull(today, "today");
        byRetrospective = List.copyOf(byRetrospective);
        byTeam = List.copyOf(byTeam);
    }

    /**
     * The counts of one retrospective or team.
     *
     * @param groupBy {@value #BY_RETROSPECTIVE} or {@value #BY_TEAM}
     * @param name    the retrospective or team, or {@value #NO_RETROSPECTIVE} / {@value #NO_TEAM}
     */
    public record Row(String groupBy, String name, int committed, int completedOnTime, int completedLate,
                      int cancelled, int open, int overdue, int escalated, BigDecimal completionRate) {
    }

    public static FollowUpReport of(Collection<FollowUpFact> facts, LocalDate today) {
        Objects.requireNonNull(today, "today");
        return new FollowUpReport(today,
                rows(facts, today, BY_RETROSPECTIVE, FollowUpFact::retrospective, NO_RETROSPECTIVE),
                rows(facts, today, BY_TEAM, FollowUpFact::team, NO_TEAM));
    }

    private static List<Row> rows(Collection<FollowUpFact> facts, LocalDate today, String groupBy,
                                  Function<FollowUpFact, String> group, String none) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (FollowUpFact fact : facts) {
            String value = group.apply(fact);
            String name = value == null || value.isBlank() ? none : value.strip();
            tallies.computeIfAbsent(name, unused -> new Tally()).count(fact, today);
        }
        Comparator<String> noneLast = Comparator.comparing(none::equals);
        return tallies.keySet().stream()
                .sorted(noneLast.thenComparing(String.CASE_INSENSITIVE_ORDER).thenComparing(Comparator.naturalOrder()))
                .map(name -> tallies.get(name).row(groupBy, name))
                .toList();
    }

    /** The counts of one row while the facts are read. */
    private static final class Tally {
        private int committed;
        private int onTime;
        private int late;
        private int cancelled;
        private int open;
        private int overdue;
        private int escalated;

        void count(FollowUpFact fact, LocalDate today) {
            String status = fact.status() == null ? "" : fact.status().strip().toLowerCase(Locale.ROOT);
            if (status.equals("cancelled")) {
                cancelled++;
                return;
            }
            committed++;
            if (fact.escalated()) {
                escalated++;
            }
            if (status.equals("done")) {
                boolean late = fact.dueDate() != null && fact.completedOn() != null
                        && fact.completedOn().isAfter(fact.dueDate());
                if (late) {
                    this.late++;
                } else {
                    onTime++;
                }
                return;
            }
            open++;
            if (fact.dueDate() != null && fact.dueDate().isBefore(today)) {
                overdue++;
            }
        }

        Row row(String groupBy, String name) {
            return new Row(groupBy, name, committed, onTime, late, cancelled, open, overdue, escalated,
                    rate(onTime + late, committed));
        }

        private static BigDecimal rate(int completed, int committed) {
            if (committed == 0) {
                return BigDecimal.ZERO.setScale(2);
            }
            return BigDecimal.valueOf(completed).divide(BigDecimal.valueOf(committed), 2, RoundingMode.HALF_UP);
        }
    }
}
