package io.retrobridge.insight.effectiveness;

import static io.retrobridge.testsupport.EffectivenessSeed.PAYMENTS;
import static io.retrobridge.testsupport.EffectivenessSeed.SEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ActionStatus;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.insight.effectiveness.EffectivenessFigures.BoardTally;
import io.retrobridge.insight.effectiveness.EffectivenessReport.ApplicationFigures;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.testsupport.EffectivenessSeed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every effectiveness figure of {@link EffectivenessSeed}'s data set, read through the real stores on H2, against
 * values worked out by hand from the definitions in {@link EffectivenessFigures} and {@link RecoveryTimes}.
 * Window [2026-06-01, 2026-07-01), judged on 2026-07-10, UTC.
 */
@SpringBootTest(properties = {
        "retrobridge.security.api-keys[0].name=effectiveness-figures",
        "retrobridge.security.api-keys[0].key=view-Ef7gH2jK4lM6nP8q",
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class EffectivenessFiguresTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final LocalDate FROM = LocalDate.of(2026, 6, 1);
    private static final LocalDate TO = LocalDate.of(2026, 7, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 10);

    @Autowired
    ApplicationContext context;
    @Autowired
    EffectivenessReader reader;
    @Autowired
    RetrospectiveStore retrospectives;
    @Autowired
    EscalationStore escalations;

    @BeforeEach
    void seed() {
        EffectivenessSeed.from(context).write();
    }

    private EffectivenessReport window(String application, LocalDate from, LocalDate to, Granularity granularity) {
        return reader.report(application, from, to, granularity, UTC, TODAY);
    }

    @Test
    void completionAndOnTimeCountEveryItemOfTheRetrospectivesOpenedInTheWindow() {
        EffectivenessReport report = window(null, FROM, TO, Granularity.WINDOW);

        assertThat(report.periods()).hasSize(1);
        EffectivenessFigures all = report.periods().get(0).overall();
        // EFF1, EFF2, EFF3, EFF4; EFF0 opened at the window's end (2026-07-01T00:00Z) and is outside it.
        assertThat(all.retrospectives()).isEqualTo(4);
        // t1 t2 t3 (EFF1), t4 t5 (EFF2), t7 (EFF4): 6 items; EFF3's are unknown, t-missing is not synced.
        assertThat(all.actionItems()).isEqualTo(6);
        // done: t1 t2 t7; cancelled: t3. 3 / 6 = 0.50.
        assertThat(all.done()).isEqualTo(3);
        assertThat(all.cancelled()).isEqualTo(1);
        assertThat(all.completionRate()).isEqualByComparingTo("0.50");
        // t1 closed on its due date (on time), t2 three days late, t7 has no due date (on time): 2 / 3 = 0.67.
        assertThat(all.doneOnTime()).isEqualTo(2);
        assertThat(all.onTimeRate()).isEqualByComparingTo("0.67");

        ApplicationFigures payments = report.periods().get(0).byApplication().get(0);
        ApplicationFigures search = report.periods().get(0).byApplication().get(1);
        assertThat(payments.application()).isEqualTo(PAYMENTS);
        assertThat(search.application()).isEqualTo(SEARCH);
        // Payments: t1 t2 t3 t4 t5, done t1 t2: 2 / 5 = 0.40; on time t1: 1 / 2 = 0.50.
        assertThat(payments.figures().actionItems()).isEqualTo(5);
        assertThat(payments.figures().completionRate()).isEqualByComparingTo("0.40");
        assertThat(payments.figures().onTimeRate()).isEqualByComparingTo("0.50");
        // Search: t7 done without a due date: 1 / 1 on both.
        assertThat(search.figures().retrospectives()).isEqualTo(2);
        assertThat(search.figures().completionRate()).isEqualByComparingTo("1.00");
        assertThat(search.figures().onTimeRate()).isEqualByComparingTo("1.00");
    }

    @Test
    void agesOfOpenAndOverdueItemsAreCountedInDaysToToday() {
        EffectivenessFigures all = window(null, FROM, TO, Granularity.WINDOW).periods().get(0).overall();

        // Open: t4 and t5, both of EFF2 opened 2026-06-20: 20 days each to 2026-07-10.
        assertThat(all.open().items()).isEqualTo(2);
        assertThat(all.open().medianDays()).isEqualByComparingTo("20.0");
        assertThat(all.open().oldestDays()).isEqualTo(20L);
        // Overdue: t4, due 2026-07-01, 9 days ago; t5 is due today, not overdue.
        assertThat(all.overdue().items()).isEqualTo(1);
        assertThat(all.overdue().medianDays()).isEqualByComparingTo("9.0");
        assertThat(all.overdue().oldestDays()).isEqualTo(9L);
    }

    @Test
    void aFailureModeRecursWhenALaterRetrospectiveNamesItAfterItsActionsClosed() {
        EffectivenessFigures all = window(null, FROM, TO, Granularity.WINDOW).periods().get(0).overall();

        // Closed tags: EFF1 config-drift (t1 t2, last closed 06-10: closed at 06-11T00:00Z) and EFF4 cache-stampede
        // (closed at 06-21T00:00Z). EFF2's config-drift (t4) and capacity (t5) are open. EFF2, opened
        // 2026-06-20T09:00Z after 06-11, names config-drift again: 1 of 2 recurred = 0.50.
        assertThat(all.recurrence().closedTags()).isEqualTo(2);
        assertThat(all.recurrence().recurred()).isEqualTo(1);
        assertThat(all.recurrence().rate()).isEqualByComparingTo("0.50");
        assertThat(all.recurrence().tags()).singleElement().satisfies(tag -> {
            assertThat(tag.failureMode()).isEqualTo("config-drift");
            assertThat(tag.retrospective()).isEqualTo("change:EFF1");
            assertThat(tag.closedAt()).isEqualTo(Instant.parse("2026-06-11T00:00:00Z"));
            assertThat(tag.recurredIn()).isEqualTo("change:EFF2");
        });
    }

    @Test
    void recoveryIsComparedInTheThirtyDaysBeforeAndAfterTheActionsLanded() {
        EffectivenessReport report = window(PAYMENTS, FROM, TO, Granularity.WINDOW);
        EffectivenessFigures payments = report.periods().get(0).overall();

        // Only EFF1 has every action closed: landed 2026-06-11T00:00Z.
        assertThat(payments.recovery().retrospectives()).singleElement().satisfies(eff1 -> {
            assertThat(eff1.retrospective()).isEqualTo("change:EFF1");
            assertThat(eff1.landedAt()).isEqualTo(Instant.parse("2026-06-11T00:00:00Z"));
            // Before [05-12, 06-11): f1 -> s1 90 min; f2 -> its alert resolved 08:20, before s2: 20 min;
            // f3 -> s3 90 min (s3 lands after the window's end, within 30 days). Median of 20, 90, 90 = 90.
            assertThat(eff1.before().from()).isEqualTo(Instant.parse("2026-05-12T00:00:00Z"));
            assertThat(eff1.before().to()).isEqualTo(Instant.parse("2026-06-11T00:00:00Z"));
            assertThat(eff1.before().failures()).isEqualTo(3);
            assertThat(eff1.before().restored()).isEqualTo(3);
            assertThat(eff1.before().recoveryMinutes()).containsExactly(20L, 90L, 90L);
            assertThat(eff1.before().medianMinutes()).isEqualByComparingTo("90.0");
            // After [06-11, 07-11): f4 -> s4 10 min; f5 never restored; g1 is staging. Median of 10 = 10.
            assertThat(eff1.after().to()).isEqualTo(Instant.parse("2026-07-11T00:00:00Z"));
            assertThat(eff1.after().failures()).isEqualTo(2);
            assertThat(eff1.after().restored()).isEqualTo(1);
            assertThat(eff1.after().medianMinutes()).isEqualByComparingTo("10.0");
        });
        assertThat(payments.recovery().before().medianMinutes()).isEqualByComparingTo("90.0");
        assertThat(payments.recovery().after().failures()).isEqualTo(2);

        // EFF4 (search) landed 2026-06-21 with no runs: compared, but with nothing in either window.
        EffectivenessFigures all = window(null, FROM, TO, Granularity.WINDOW).periods().get(0).overall();
        assertThat(all.recovery().retrospectives()).extracting(RecoveryComparison::retrospective)
                .containsExactlyInAnyOrder("change:EFF1", "change:EFF4");
        assertThat(all.recovery().before().failures()).isEqualTo(3);
        assertThat(all.recovery().after().medianMinutes()).isEqualByComparingTo("10.0");
    }

    @Test
    void escalationsAreCountedPerBoardByHowTheyEnded() {
        EffectivenessFigures all = window(null, FROM, TO, Granularity.WINDOW).periods().get(0).overall();

        // ARB: t5's, resolved because its due date moved. CAB: t2's resolved by completing it, t4's still raised.
        assertThat(all.escalations()).containsExactly(
                new BoardTally("ARB", 1, 0, 0, 1, 0),
                new BoardTally("CAB", 2, 1, 1, 0, 0));
    }

    @Test
    void dataGapsNameWhatCouldNotBeCounted() {
        EffectivenessFigures all = window(null, FROM, TO, Granularity.WINDOW).periods().get(0).overall();

        assertThat(all.gaps().followUpsNeverRead()).containsExactly("change:EFF3");
        assertThat(all.gaps().tasksNotSynced()).isEqualTo(1);
        assertThat(all.gaps().itemsWithoutDueDate()).containsExactly("PTASK3", "PTASK7");
        assertThat(all.gaps().itemsWithoutFailureMode()).containsExactly("PTASK3");
    }

    @Test
    void anEmptyWindowHasZeroCountsAndNoRates() {
        EffectivenessReport report = window(null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
                Granularity.WINDOW);

        EffectivenessFigures none = report.periods().get(0).overall();
        assertThat(report.periods().get(0).byApplication()).isEmpty();
        assertThat(none.retrospectives()).isZero();
        assertThat(none.actionItems()).isZero();
        assertThat(none.completionRate()).isNull();
        assertThat(none.onTimeRate()).isNull();
        assertThat(none.open().medianDays()).isNull();
        assertThat(none.open().oldestDays()).isNull();
        assertThat(none.recurrence().rate()).isNull();
        assertThat(none.recovery().retrospectives()).isEmpty();
        assertThat(none.recovery().before().medianMinutes()).isNull();
        assertThat(none.escalations()).isEmpty();
        assertThat(none.gaps().followUpsNeverRead()).isEmpty();
    }

    @Test
    void aSingleItemGivesItsOwnFigures() {
        // Search on 2026-06-16 only: EFF4 alone (EFF3 opened the day before), with t7.
        EffectivenessFigures single = window(SEARCH, LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 17),
                Granularity.WINDOW).periods().get(0).overall();

        assertThat(single.retrospectives()).isEqualTo(1);
        assertThat(single.actionItems()).isEqualTo(1);
        assertThat(single.completionRate()).isEqualByComparingTo("1.00");
        assertThat(single.onTimeRate()).isEqualByComparingTo("1.00");
        assertThat(single.open().items()).isZero();
        // cache-stampede closed 06-21 and never named again: 0 of 1.
        assertThat(single.recurrence().closedTags()).isEqualTo(1);
        assertThat(single.recurrence().rate()).isEqualByComparingTo("0.00");
        assertThat(single.gaps().itemsWithoutDueDate()).containsExactly("PTASK7");
        assertThat(single.gaps().followUpsNeverRead()).isEmpty();
    }

    @Test
    void monthsCutTheWindowAndEachRetrospectiveCountsInTheMonthItOpened() {
        EffectivenessReport report = window(PAYMENTS, LocalDate.of(2026, 5, 15), LocalDate.of(2026, 7, 15),
                Granularity.MONTH);

        assertThat(report.periods()).extracting(p -> p.from() + ".." + p.to() + "=" + p.overall().retrospectives())
                .containsExactly("2026-05-15..2026-06-01=0", "2026-06-01..2026-07-01=2", "2026-07-01..2026-07-15=1");
        // July: EFF0 with t6, open since 2026-07-01: 9 days; due 2026-08-01, not overdue.
        EffectivenessFigures july = report.periods().get(2).overall();
        assertThat(july.open().oldestDays()).isEqualTo(9L);
        assertThat(july.overdue().items()).isZero();
    }
    @Test
    void daysTurnInTheReportsZone() {
        // In Los Angeles (UTC-7 in June) the window is [06-01T07:00Z, 07-01T07:00Z): EFF0, opened 07-01T00:00Z, is
        // opened on 06-30 there and counts.
        EffectivenessFigures payments = reader.report(PAYMENTS, FROM, TO, Granularity.WINDOW,
                ZoneId.of("America/Los_Angeles"), TODAY).periods().get(0).overall();

        assertThat(payments.retrospectives()).isEqualTo(3);
        // Open: t4 t5 (EFF2 opened 06-20 there: 20 days) and t6 (EFF0, 06-30: 10 days). Median 20, oldest 20.
        assertThat(payments.open().items()).isEqualTo(3);
        assertThat(payments.open().medianDays()).isEqualByComparingTo("20.0");
        // EFF1's actions closed on 06-10 there: landed at the start of 06-11 in Los Angeles.
        assertThat(payments.recovery().retrospectives()).singleElement()
                .satisfies(eff1 -> assertThat(eff1.landedAt()).isEqualTo(Instant.parse("2026-06-11T07:00:00Z")));
    }

    @Test
    void weeksRunMondayToSundayCutToTheWindow() {
        assertThat(Granularity.WEEK.periods(LocalDate.of(2026, 6, 3), LocalDate.of(2026, 6, 16)))
                .extracting(p -> p.from() + ".." + p.to())
                .containsExactly("2026-06-03..2026-06-08", "2026-06-08..2026-06-15", "2026-06-15..2026-06-16");
    }

    @Test
    void longGapListsNameTheFirstItemsInKeyOrderAndCountThemAll() {
        // 120 open items, none with a due date; every third one has a failure mode: 80 without.
        List<TrackedItem> items = new ArrayList<>();
        for (int i = 120; i > 0; i--) {
            items.add(new TrackedItem("rb-" + i, String.format("PTASK%04d", i), ActionStatus.OPEN, null, null,
                    i % 3 == 0 ? "config-drift" : null, List.of()));
        }
        TrackedRetrospective many = new TrackedRetrospective("change:CHG9", "gaps", Instant.parse("2026-06-02T00:00:00Z"),
                true, 0, items);

        EffectivenessFigures.DataGaps gaps = EffectivenessFigures.of(List.of(many), List.of(many), Map.of(), TODAY,
                UTC).gaps();

        assertThat(gaps.itemsWithoutDueDateCount()).isEqualTo(120);
        assertThat(gaps.itemsWithoutDueDate()).hasSize(EffectivenessFigures.DataGaps.LISTED)
                .startsWith("PTASK0001", "PTASK0002").endsWith("PTASK0050");
        assertThat(gaps.itemsWithoutFailureModeCount()).isEqualTo(80);
        // PTASK0001, 0002, 0004, 0005, ...: the 50th without a failure mode is PTASK0074.
        assertThat(gaps.itemsWithoutFailureMode()).hasSize(EffectivenessFigures.DataGaps.LISTED)
                .startsWith("PTASK0001", "PTASK0002", "PTASK0004").endsWith("PTASK0074");
    }
}
