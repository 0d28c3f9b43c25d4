package io.retrobridge.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.insight.FollowUpReport.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpReportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String GATEWAY = "PRB0040001 Payment gateway upgrade";
    private static final String DNS = "PRB0040002 DNS outage";
    private static final Instant SEEN = Instant.parse("2026-11-26T08:00:00Z");

    private static int counter;

    private static FollowUpFact fact(String retrospective, String team, LocalDate due, String status,
                                     LocalDate completedOn, boolean escalated) {
        counter++;
        return new FollowUpFact("rb-" + counter, "PAY-" + counter, "action " + counter, retrospective, team,
                null, due, status, completedOn, escalated, SEEN);
    }

    private static LocalDate nov(int day) {
        return LocalDate.of(2026, 11, day);
    }

    /** Ten items, counted by hand in the comments of each expectation below. */
    private static List<FollowUpFact> tenItems() {
        return List.of(
                /* 1 */ fact(GATEWAY, "Payments", nov(20), "done", nov(19), false),
                /* 2 */ fact(GATEWAY, "Payments", nov(20), "done", nov(20), false),
                /* 3 */ fact(GATEWAY, "Platform", nov(20), "done", nov(24), true),
                /* 4 */ fact(GATEWAY, "Payments", nov(25), "open", null, true),
                /* 5 */ fact(GATEWAY, "Platform", nov(26), "in-progress", null, false),
                /* 6 */ fact(GATEWAY, "Payments", nov(10), "cancelled", nov(12), true),
                /* 7 */ fact(DNS, "Payments", null, "done", nov(1), false),
                /* 8 */ fact(DNS, null, null, "open", null, false),
                /* 9 */ fact(null, "Platform", LocalDate.of(2026, 12, 1), "open", null, false),
                /* 10 */ fact(DNS, "Platform", nov(1), "done", null, false));
    }

    private static Row row(String groupBy, String name, int committed, int onTime, int late, int cancelled, int open,
                           int overdue, int escalated, String rate) {
        return new Row(groupBy, name, committed, onTime, late, cancelled, open, overdue, escalated, new BigDecimal(rate));
    }

    @Test
    void eachRetrospectiveIsCountedWithCancelledItemsOutsideWhatWasCommitted() {
        FollowUpReport report = FollowUpReport.of(tenItems(), TODAY);

        assertThat(report.today()).isEqualTo(TODAY);
        assertThat(report.byRetrospective()).containsExactly(
                // 1,2 on time (2 on its due day); 3 late; 4 open and overdue; 5 open, due today; 6 cancelled.
                // Escalated: 3 and 4 (6 was cancelled). 3 of 5 completed.
                row("retrospective", GATEWAY, 5, 2, 1, 1, 2, 1, 2, "0.60"),
                // 7 on time (no due date); 10 on time (completion day unknown); 8 open without due date. 2 of 3.
                row("retrospective", DNS, 3, 2, 0, 0, 1, 0, 0, "0.67"),
                // 9 open, due next month.
                row("retrospective", "(no retrospective)", 1, 0, 0, 0, 1, 0, 0, "0.00"));
    }

    @Test
    void eachTeamIsCountedTheSameWay() {
        FollowUpReport report = FollowUpReport.of(tenItems(), TODAY);

        assertThat(report.byTeam()).containsExactly(
                // 1,2,7 on time; 4 open, overdue, escalated; 6 cancelled. 3 of 4.
                row("team", "Payments", 4, 3, 0, 1, 1, 1, 1, "0.75"),
                // 10 on time; 3 late and escalated; 5 and 9 open, neither overdue. 2 of 4.
                row("team", "Platform", 4, 1, 1, 0, 2, 0, 1, "0.50"),
                // 8 open.
                row("team", "(no team)", 1, 0, 0, 0, 1, 0, 0, "0.00"));
    }

    @Test
    void theCompletionRateIsRoundedHalfUpToTwoDecimals() {
        List<FollowUpFact> oneOfEight = new ArrayList<>();
        List<FollowUpFact> fiveOfEight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            oneOfEight.add(fact("one", "t", nov(30), i < 1 ? "done" : "open", i < 1 ? nov(2) : null, false));
            fiveOfEight.add(fact("five", "t", nov(30), i < 5 ? "done" : "open", i < 5 ? nov(2) : null, false));
        }
        List<FollowUpFact> all = new ArrayList<>(oneOfEight);
        all.addAll(fiveOfEight);

        FollowUpReport report = FollowUpReport.of(all, TODAY);

        // 1/8 = 0.125 -> 0.13; 5/8 = 0.625 -> 0.63; 6/16 = 0.375 -> 0.38.
        assertThat(report.byRetrospective()).extracting(Row::name, Row::completionRate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("five", new BigDecimal("0.63")),
                org.assertj.core.groups.Tuple.tuple("one", new BigDecimal("0.13")));
        assertThat(report.byTeam()).extracting(Row::completionRate).containsExactly(new BigDecimal("0.38"));
    }

    @Test
    void aRetrospectiveWhoseActionsWereAllCancelledCommittedNothing() {
        FollowUpReport report = FollowUpReport.of(List.of(
                fact("withdrawn", "t", nov(1), "cancelled", nov(2), true),
                fact("withdrawn", "t", null, "cancelled", null, false)), TODAY);

        assertThat(report.byRetrospective()).containsExactly(
                row("retrospective", "withdrawn", 0, 0, 0, 2, 0, 0, 0, "0.00"));
    }

    @Test
    void blankNamesCountAsNoneAndStatusesAreReadWhateverTheirCase() {
        FollowUpReport report = FollowUpReport.of(List.of(
                fact("  ", "", nov(1), "Done", nov(3), false),
                fact(null, null, nov(1), "CANCELLED", null, false),
                fact(" spaced ", "x", nov(1), "blocked", null, false)), TODAY);

        assertThat(report.byRetrospective()).containsExactly(
                row("retrospective", "spaced", 1, 0, 0, 0, 1, 1, 0, "0.00"),
                row("retrospective", "(no retrospective)", 1, 0, 1, 1, 0, 0, 0, "1.00"));
        assertThat(report.byTeam()).extracting(Row::name).containsExactly("x", "(no team)");
    }

    @Test
    void namesAreInOrderWhateverTheirCase() {
        FollowUpReport report = FollowUpReport.of(List.of(
                fact("b retro", "zeta", null, "open", null, false),
                fact("A retro", "Alpha", null, "open", null, false),
                fact("c retro", "beta", null, "open", null, false)), TODAY);

        assertThat(report.byRetrospective()).extracting(Row::name).containsExactly("A retro", "b retro", "c retro");
        assertThat(report.byTeam()).extracting(Row::name).containsExactly("Alpha", "beta", "zeta");
    }

    @Test
    void noFactsMakeAnEmptyReport() {
        FollowUpReport report = FollowUpReport.of(List.of(), TODAY);

        assertThat(report.byRetrospective()).isEmpty();
        assertThat(report.byTeam()).isEmpty();
    }
}
