package io.retrobridge.escalation;

import static io.retrobridge.escalation.TestScan.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.retrobridge.domain.Priority;
import io.retrobridge.domain.Scope;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.Ladder;
import io.retrobridge.mapping.escalation.LadderMatch;
import io.retrobridge.mapping.escalation.StepAction;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscalationPlannerTest {

    private static final LocalDate DUE = LocalDate.of(2026, 11, 18); // a Wednesday
    private static final RecurrenceFacts NO_RECURRENCE = RecurrenceFacts.none();

    private final EscalationPlanner planner = new EscalationPlanner(TestPolicy.defaults().build());

    @Test
    void anOverdueItemWalksThroughEveryStepOfItsLadderOnTheDayEachIsReached() {
        EscalationSubject item = TestSubject.item().due(DUE).build();
        TestScan scan = new TestScan();
        Map<LocalDate, List<String>> stepsByDay = new LinkedHashMap<>();
        Map<LocalDate, Optional<String>> markerByDay = new LinkedHashMap<>();
        Map<String, StepDue> given = new LinkedHashMap<>();

        for (LocalDate day = DUE; !day.isAfter(LocalDate.of(2026, 12, 20)); day = day.plusDays(1)) {
            ItemPlan plan = planner.plan(item, scan.history(), NO_RECURRENCE, day);
            scan.apply(plan, day);
            markerByDay.put(day, plan.marker());
            plan.due().forEach(step -> {
                given.put(step.stepId(), step);
                assertThat(plan.resolutions()).isEmpty();
            });
            if (!plan.due().isEmpty()) {
                stepsByDay.put(day, plan.due().stream().map(StepDue::stepId).toList());
            }
        }

        assertThat(stepsByDay).containsExactly(
                Map.entry(LocalDate.of(2026, 11, 19), List.of("remind")),              // 1 day
                Map.entry(LocalDate.of(2026, 11, 23), List.of("cab")),                 // Mon: 3 business days
                Map.entry(LocalDate.of(2026, 11, 25), List.of("reassign")),            // 5 business days
                Map.entry(LocalDate.of(2026, 12, 7), List.of("architecture-review"))); // 10 business days at CAB
        assertThat(markerByDay.get(LocalDate.of(2026, 11, 22))).isEmpty();
        assertThat(markerByDay.get(LocalDate.of(2026, 11, 23))).contains("cab");
        assertThat(markerByDay.get(LocalDate.of(2026, 12, 4))).contains("cab");
        assertThat(markerByDay.get(LocalDate.of(2026, 12, 7))).contains("architecture-review-board");
        assertThat(markerByDay.get(LocalDate.of(2026, 12, 20))).contains("architecture-review-board");

        StepDue remind = given.get("remind");
        assertThat(remind.kind()).isEqualTo("remind");
        assertThat(remind.action()).isEqualTo(new StepAction.Remind());
        assertThat(remind.boardId()).isNull();
        assertThat(remind.title()).isNull();
        assertThat(remind.body()).isEqualTo("David Loo, PTASK0010002 \"Alert when the payment queue backs up\" was due"
                + " 2026-11-18 and is 1 day overdue.");
        assertThat(remind.reason()).isEqualTo("production-fixes/remind: 1 day overdue >= 1 day");

        StepDue cab = given.get("cab");
        assertThat(cab.kind()).isEqualTo("ticket");
        assertThat(cab.boardId()).isEqualTo("cab");
        assertThat(cab.grouped()).isFalse();
        assertThat(cab.groupKey()).isNull();
        assertThat(cab.daysOverdue()).isEqualTo(3);
        assertThat(cab.title()).isEqualTo("Overdue retrospective action PTASK0010002: Alert when the payment queue backs up");
        assertThat(cab.body()).isEqualTo("""
                PTASK0010002 from PRB0040001 Payment gateway upgrade (change CHG0030001) is 3 business days overdue.
                Owner: David Loo <david.loo@example.com>, team Payments.
                ServiceNow PTASK0010002: https://sn.example.com/nav_to.do?uri=problem_task.do?sys_id=abc
                Jira PAY-12: https://jira.example.com/browse/PAY-12""");
        assertThat(cab.reason()).isEqualTo("production-fixes/cab: 3 business days overdue >= 3 business days");

        StepDue reassign = given.get("reassign");
        assertThat(reassign.kind()).isEqualTo("reassign");
        assertThat(reassign.action()).isEqualTo(new StepAction.Reassign("release.manager@example.com"));
        assertThat(reassign.body()).isEqualTo("Re-assigned from David Loo: 5 business days overdue at production-fixes/reassign.");

        StepDue systemic = given.get("architecture-review");
        assertThat(systemic.ladderId()).isEqualTo("systemic");
        assertThat(systemic.kind()).isEqualTo("systemic");
        assertThat(systemic.action()).isEqualTo(new StepAction.RaiseTicket("architecture-review-board"));
        assertThat(systemic.daysOverdue()).as("business days from the due date to Mon 7 Dec").isEqualTo(13);
        assertThat(systemic.title()).isEqualTo("Systemic: config-drift (PTASK0010002)");
        assertThat(systemic.body()).isEqualTo("""
                PTASK0010002 (config-drift, recurrences: 0).
                History:
                2026-11-19 remind: reminder (raised)
                2026-11-23 cab: SCTASK0010001 (raised)
                2026-11-25 reassign: re-assigned (raised)""");
        assertThat(systemic.reason()).isEqualTo("systemic/architecture-review: it has been open at cab since"
                + " 2026-11-23, 10 business days (10 business days make it systemic)");
    }

    @Test
    void aScanThatMissedDaysGivesEveryStepReachedMeanwhileInLadderOrder() {
        ItemPlan plan = planner.plan(TestSubject.item().due(DUE).build(), List.of(), NO_RECURRENCE,
                LocalDate.of(2026, 11, 30));

        assertThat(plan.due()).extracting(StepDue::stepId).containsExactly("remind", "cab", "reassign");
        assertThat(plan.ladderId()).contains("production-fixes");
        assertThat(plan.daysOverdue()).as("calendar days").isEqualTo(12);
        assertThat(plan.marker()).contains("cab");
    }

    @Test
    void completionResolvesOpenBoardTicketsButLeavesRemindersAndReassignmentsAsSaid() {
        TestScan scan = walkedTo(LocalDate.of(2026, 11, 26));
        EscalationSubject done = TestSubject.item().due(DUE).done(Instant.parse("2026-11-30T08:15:00Z")).build();

        ItemPlan plan = planner.plan(done, scan.history(), NO_RECURRENCE, LocalDate.of(2026, 12, 8));

        assertThat(plan.due()).as("closed items get no new steps, not even systemic").isEmpty();
        assertThat(plan.resolutions()).singleElement().satisfies(resolution -> {
            assertThat(resolution.record().stepId()).isEqualTo("cab");
            assertThat(resolution.note()).isEqualTo("PTASK0010002 was completed on 2026-11-30");
        });
        assertThat(plan.marker()).isEmpty();

        scan.apply(plan, LocalDate.of(2026, 12, 8));
        assertThat(planner.plan(done, scan.history(), NO_RECURRENCE, LocalDate.of(2026, 12, 9)).isEmpty())
                .as("nothing left to do once resolved").isTrue();
    }

    @Test
    void cancellationSaysSoInTheNoteAndUsesTheJiraKeyOfAJiraOnlyItem() {
        TestScan scan = walkedTo(LocalDate.of(2026, 11, 24));
        EscalationSubject cancelled = TestSubject.item().onlyInJira().due(DUE)
                .cancelled(Instant.parse("2026-11-29T23:30:00Z")).build();

        ItemPlan plan = planner.plan(cancelled, scan.history(), NO_RECURRENCE, LocalDate.of(2026, 11, 30));

        assertThat(plan.resolutions()).extracting(Resolution::note).containsExactly("PAY-12 was cancelled on 2026-11-29");
    }

    @Test
    void movingTheDueDateResolvesTicketsWhoseThresholdIsNoLongerReachedAndNeverRaisesThemAgain() {
        TestScan scan = walkedTo(LocalDate.of(2026, 11, 24)); // remind and cab given
        EscalationSubject moved = TestSubject.item().due(LocalDate.of(2026, 12, 20)).build();

        ItemPlan plan = planner.plan(moved, scan.history(), NO_RECURRENCE, LocalDate.of(2026, 11, 25));

        assertThat(plan.due()).isEmpty();
        assertThat(plan.resolutions()).singleElement().satisfies(resolution -> {
            assertThat(resolution.record().stepId()).isEqualTo("cab");
            assertThat(resolution.note()).isEqualTo("due date of PTASK0010002 moved to 2026-12-20");
        });
        assertThat(plan.marker()).isEmpty();

        scan.apply(plan, LocalDate.of(2026, 11, 25));
        ItemPlan muchLater = planner.plan(moved, scan.history(), NO_RECURRENCE, LocalDate.of(2027, 1, 15));
        assertThat(muchLater.due()).as("a step is reached once per item, ever").extracting(StepDue::stepId)
                .containsExactly("reassign");
        assertThat(muchLater.resolutions()).isEmpty();
    }

    @Test
    void aDueDateMovedLessThanTheThresholdKeepsTheTicketOpen() {
        TestScan scan = walkedTo(LocalDate.of(2026, 11, 24));
        EscalationSubject movedByADay = TestSubject.item().due(LocalDate.of(2026, 11, 19)).build();

        ItemPlan plan = planner.plan(movedByADay, scan.history(), NO_RECURRENCE, LocalDate.of(2026, 11, 24));

        assertThat(plan.resolutions()).as("still 3 business days overdue").isEmpty();
        assertThat(plan.marker()).contains("cab");
    }

    @Test
    void removingTheDueDateResolvesAndTheItemHasNoLadderAnyMore() {
        TestScan scan = walkedTo(LocalDate.of(2026, 11, 24));

        ItemPlan plan = planner.plan(TestSubject.item().due(null).build(), scan.history(), NO_RECURRENCE,
                LocalDate.of(2026, 11, 25));

        assertThat(plan.ladderId()).isEmpty();
        assertThat(plan.daysOverdue()).isZero();
        assertThat(plan.resolutions()).extracting(Resolution::note)
                .containsExactly("due date of PTASK0010002 was removed");
    }

    @Test
    void aStepInTheHistoryInAnyStateIsNeverDueAgain() {
        EscalationSubject item = TestSubject.item().due(DUE).build();
        for (EscalationState state : EscalationState.values()) {
            List<EscalationRecord> history = List.of(
                    record("rb-1", "production-fixes", "remind", null, "remind", state, LocalDate.of(2026, 11, 19)),
                    record("rb-1", "production-fixes", "cab", "cab", "ticket", state, LocalDate.of(2026, 11, 23)));

            ItemPlan plan = planner.plan(item, history, NO_RECURRENCE, LocalDate.of(2026, 11, 25));

            assertThat(plan.due()).as(state.name()).extracting(StepDue::stepId).containsExactly("reassign");
        }
    }

    @Test
    void onlyRaisedBoardRecordsHoldTheItemAndGetResolved() {
        EscalationSubject done = TestSubject.item().due(DUE).done(Instant.parse("2026-11-26T10:00:00Z")).build();
        List<EscalationRecord> history = List.of(
                record("rb-1", "production-fixes", "cab", "cab", "ticket", EscalationState.CLAIMED, LocalDate.of(2026, 11, 23)),
                record("rb-1", "production-fixes", "remind", null, "remind", EscalationState.RAISED, LocalDate.of(2026, 11, 19)),
                record("rb-1", "everything-else", "rab", "release-advisory-board", "ticket", EscalationState.PARKED,
                        LocalDate.of(2026, 11, 20)));

        ItemPlan plan = planner.plan(done, history, NO_RECURRENCE, LocalDate.of(2026, 11, 27));

        assertThat(plan.resolutions()).isEmpty();
        assertThat(plan.marker()).isEmpty();
    }

    @Test
    void theLatestRaisedBoardHoldsTheItem() {
        List<EscalationRecord> history = List.of(
                record("rb-1", "everything-else", "rab", "release-advisory-board", "ticket", EscalationState.RAISED,
                        LocalDate.of(2026, 11, 25)),
                record("rb-1", "production-fixes", "cab", "cab", "ticket", EscalationState.RAISED, LocalDate.of(2026, 11, 23)));

        ItemPlan plan = planner.plan(TestSubject.item().due(DUE).build(), history, NO_RECURRENCE,
                LocalDate.of(2026, 11, 26));

        assertThat(plan.marker()).contains("release-advisory-board");
        assertThat(BoardHold.after(history, plan)).contains(new BoardHold("release-advisory-board", "rab"));
    }

    @Test
    void aRecurringFailureModeGoesToTheArchitectureReviewBoardOnceOnItsFirstOverdueDay() {
        RecurrenceFacts recurring = new RecurrenceFacts(Map.of("config-drift", 3));
        EscalationSubject item = TestSubject.item().due(DUE).build();

        assertThat(planner.plan(item, List.of(), recurring, DUE).due()).as("not overdue yet").isEmpty();
        ItemPlan plan = planner.plan(item, List.of(), recurring, DUE.plusDays(1));

        assertThat(plan.due()).extracting(StepDue::stepId).containsExactly("remind", "architecture-review");
        StepDue systemic = plan.due().get(1);
        assertThat(systemic.boardId()).isEqualTo("architecture-review-board");
        assertThat(systemic.reason()).isEqualTo("systemic/architecture-review: its failure mode config-drift"
                + " recurred on 3 retrospectives within 90 days (3 make it systemic)");
        assertThat(systemic.body()).startsWith("PTASK0010002 (config-drift, recurrences: 3).\nHistory:\n—");
        assertThat(plan.marker()).contains("architecture-review-board");

        List<EscalationRecord> history = List.of(record("rb-1", "systemic", "architecture-review",
                "architecture-review-board", "systemic", EscalationState.RAISED, DUE.plusDays(1)));
        assertThat(planner.plan(item, history, recurring, DUE.plusDays(2)).due()).extracting(StepDue::stepId)
                .doesNotContain("architecture-review");
    }

    @Test
    void fewerRetrospectivesThanTheRuleAsksIsNotSystemic() {
        ItemPlan plan = planner.plan(TestSubject.item().due(DUE).build(), List.of(),
                new RecurrenceFacts(Map.of("config-drift", 2)), DUE.plusDays(1));

        assertThat(plan.due()).extracting(StepDue::stepId).containsExactly("remind");
    }

    @Test
    void aSystemicTicketStaysOpenWhenTheDueDateMovesButIsResolvedWhenTheItemIsDone() {
        List<EscalationRecord> history = List.of(record("rb-1", "systemic", "architecture-review",
                "architecture-review-board", "systemic", EscalationState.RAISED, DUE.plusDays(1)));

        ItemPlan moved = planner.plan(TestSubject.item().due(LocalDate.of(2027, 1, 31)).build(), history,
                NO_RECURRENCE, DUE.plusDays(3));
        ItemPlan done = planner.plan(TestSubject.item().due(DUE).done(Instant.parse("2026-11-22T12:00:00Z")).build(),
                history, NO_RECURRENCE, DUE.plusDays(5));

        assertThat(moved.resolutions()).isEmpty();
        assertThat(done.resolutions()).extracting(Resolution::note).containsExactly("PTASK0010002 was completed on 2026-11-22");
    }

    @Test
    void withGroupingBoardTicketsGoOnTheCycleTicketButSystemicNever() {
        EscalationPlanner grouping = new EscalationPlanner(TestPolicy.defaults().grouping(1, DayOfWeek.MONDAY).build());

        ItemPlan plan = grouping.plan(TestSubject.item().due(DUE).build(), List.of(),
                new RecurrenceFacts(Map.of("config-drift", 5)), LocalDate.of(2026, 11, 26));

        assertThat(plan.due()).extracting(StepDue::stepId, StepDue::kind, StepDue::grouped, StepDue::groupKey)
                .containsExactly(
                        tuple("remind", "remind", false, null),
                        tuple("cab", "group", true, "cab/2026-W48"),
                        tuple("reassign", "reassign", false, null),
                        tuple("architecture-review", "systemic", false, null));
    }

    @Test
    void fortnightlyCyclesNameTheirFirstWeek() {
        EscalationPlanner grouping = new EscalationPlanner(TestPolicy.defaults().grouping(2, DayOfWeek.MONDAY).build());

        ItemPlan plan = grouping.plan(TestSubject.item().due(DUE).build(), List.of(), NO_RECURRENCE,
                LocalDate.of(2026, 11, 26));

        assertThat(plan.due()).filteredOn(StepDue::grouped).extracting(StepDue::groupKey).containsExactly("cab/2026-W47+2");
    }

    @Test
    void groupedRecordsAreResolvedAndHoldTheItemLikeTickets() {
        EscalationPlanner grouping = new EscalationPlanner(TestPolicy.defaults().grouping(1, DayOfWeek.MONDAY).build());
        TestScan scan = new TestScan();
        EscalationSubject item = TestSubject.item().due(DUE).build();
        scan.apply(grouping.plan(item, List.of(), NO_RECURRENCE, LocalDate.of(2026, 11, 23)), LocalDate.of(2026, 11, 23));

        assertThat(grouping.plan(item, scan.history(), NO_RECURRENCE, LocalDate.of(2026, 11, 24)).marker()).contains("cab");
        ItemPlan done = grouping.plan(TestSubject.item().due(DUE).done(Instant.parse("2026-11-24T10:00:00Z")).build(),
                scan.history(), NO_RECURRENCE, LocalDate.of(2026, 11, 24));
        assertThat(done.resolutions()).extracting(resolution -> resolution.record().groupKey())
                .containsExactly("cab/2026-W48");
    }

    @Test
    void closedItemsGetNoStepsHoweverOverdue() {
        ItemPlan plan = planner.plan(TestSubject.item().due(DUE).done(Instant.parse("2026-11-20T10:00:00Z")).build(),
                List.of(), new RecurrenceFacts(Map.of("config-drift", 9)), LocalDate.of(2027, 3, 1));

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.ladderId()).contains("production-fixes");
    }

    @Test
    void theFirstMatchingLadderInFileOrderApplies() {
        EscalationPolicy policy = TestPolicy.defaults().ladders(
                new Ladder("urgent-training", new LadderMatch(Set.of(Scope.TRAINING), Set.of(), Set.of(Priority.HIGHEST)),
                        TestPolicy.everythingElse().steps()),
                TestPolicy.productionFixes(), TestPolicy.everythingElse()).build();
        EscalationPlanner ordered = new EscalationPlanner(policy);

        assertThat(ordered.ladderFor(TestSubject.item().build().item())).map(Ladder::id).contains("production-fixes");
        assertThat(ordered.ladderFor(TestSubject.item().scope(Scope.TRAINING).priority(Priority.HIGHEST).build().item()))
                .map(Ladder::id).contains("urgent-training");
        assertThat(ordered.ladderFor(TestSubject.item().scope(Scope.TRAINING).priority(Priority.LOW).build().item()))
                .map(Ladder::id).contains("everything-else");
        assertThat(ordered.ladderFor(TestSubject.item().unclassified().build().item())).as("catch-all")
                .map(Ladder::id).contains("everything-else");
    }

    @Test
    void withoutAMatchingLadderOrDueDateThereAreNoLadderSteps() {
        EscalationPlanner onlyFixes = new EscalationPlanner(TestPolicy.defaults().noSystemic()
                .ladders(TestPolicy.productionFixes()).build());

        ItemPlan training = onlyFixes.plan(TestSubject.item().scope(Scope.TRAINING).due(DUE).build(), List.of(),
                NO_RECURRENCE, LocalDate.of(2026, 12, 30));
        ItemPlan noDue = onlyFixes.plan(TestSubject.item().due(null).build(), List.of(), NO_RECURRENCE,
                LocalDate.of(2026, 12, 30));

        assertThat(training.ladderId()).isEmpty();
        assertThat(training.due()).isEmpty();
        assertThat(training.daysOverdue()).isEqualTo(42);
        assertThat(noDue.ladderId()).isEmpty();
        assertThat(noDue.isEmpty()).isTrue();
    }

    @Test
    void aMissingValueShowsAsADashAndATitleIsNeverExpanded() {
        EscalationSubject item = TestSubject.item().title("Fix {{owner}} lookup").unassigned().retrospective(null)
                .due(DUE).build();

        ItemPlan plan = planner.plan(item, List.of(), NO_RECURRENCE, LocalDate.of(2026, 11, 23));

        StepDue cab = plan.due().stream().filter(step -> step.stepId().equals("cab")).findFirst().orElseThrow();
        assertThat(cab.title()).isEqualTo("Overdue retrospective action PTASK0010002: Fix {{owner}} lookup");
        assertThat(cab.body()).startsWith("PTASK0010002 from — (change CHG0030001) is 3 business days overdue.\n"
                + "Owner: unassigned <—>, team Payments.");
    }

    @Test
    void theSameInputsGiveTheSamePlan() {
        TestScan scan = walkedTo(LocalDate.of(2026, 11, 24));
        EscalationSubject item = TestSubject.item().due(DUE).build();
        RecurrenceFacts recurring = new RecurrenceFacts(Map.of("config-drift", 3));

        ItemPlan first = planner.plan(item, scan.history(), recurring, LocalDate.of(2026, 12, 1));
        ItemPlan second = planner.plan(item, new ArrayList<>(scan.history()), recurring, LocalDate.of(2026, 12, 1));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherItemsHistoryIsRefused() {
        List<EscalationRecord> foreign = List.of(record("rb-99", "production-fixes", "remind", null, "remind",
                EscalationState.RAISED, DUE));

        assertThatThrownBy(() -> planner.plan(TestSubject.item().build(), foreign, NO_RECURRENCE, DUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to item rb-99, not rb-1");
    }

    private TestScan walkedTo(LocalDate lastDay) {
        TestScan scan = new TestScan();
        EscalationSubject item = TestSubject.item().due(DUE).build();
        for (LocalDate day = DUE; !day.isAfter(lastDay); day = day.plusDays(1)) {
            scan.apply(planner.plan(item, scan.history(), NO_RECURRENCE, day), day);
        }
        return scan;
    }
}
