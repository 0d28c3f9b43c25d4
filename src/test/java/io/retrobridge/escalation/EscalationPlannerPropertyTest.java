package io.retrobridge.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EscalationPlannerPropertyTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 22);

    private final EscalationPlanner planner = new EscalationPlanner(TestPolicy.defaults().build());

    /**
     * However irregularly scans run (gaps of days, due-date moves between them), every step the item reaches is
     * given exactly once and never after the item's history holds it.
     */
    @Property(tries = 200)
    void everyStepIsGivenAtMostOnceWhateverTheScanDaysAndDueDateMoves(
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 6) Integer> gaps,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = -5, max = 5) Integer> dueShifts) {
        TestScan scan = new TestScan();
        Set<String> given = new HashSet<>();
        LocalDate day = DUE;
        for (int i = 0; i < gaps.size(); i++) {
            day = day.plusDays(gaps.get(i));
            LocalDate due = DUE.plusDays(dueShifts.get(i % dueShifts.size()));
            EscalationSubject item = TestSubject.item().due(due).build();

            ItemPlan plan = planner.plan(item, scan.history(), RecurrenceFacts.none(), day);

            assertThat(planner.plan(item, scan.history(), RecurrenceFacts.none(), day))
                    .as("same inputs, same plan").isEqualTo(plan);
            for (StepDue step : plan.due()) {
                assertThat(given.add(step.ladderId() + "/" + step.stepId())).as("given twice: %s", step.reason()).isTrue();
                assertThat(step.daysOverdue()).isPositive();
            }
            plan.resolutions().forEach(resolution ->
                    assertThat(resolution.record().state()).isEqualTo(EscalationState.RAISED));
            scan.apply(plan, day);
        }
    }
}
