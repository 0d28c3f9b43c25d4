package io.retrobridge.escalation;

import static io.retrobridge.escalation.TestScan.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DayCount;
import io.retrobridge.mapping.escalation.TemplateVariables;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateValuesTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void givesEveryItemPlaceholderItHasAFactFor() {
        Map<String, String> values = TemplateValues.forItem(TestSubject.item().build(), "production-fixes", "cab",
                TestPolicy.BOARDS.get("cab"), 3, DayCount.BUSINESS, List.of(), 2, UTC);

        assertThat(values).containsEntry("item.key", "PTASK0010002")
                .containsEntry("item.title", "Alert when the payment queue backs up")
                .containsEntry("item.url", "https://sn.example.com/nav_to.do?uri=problem_task.do?sys_id=abc")
                .containsEntry("item.jira-key", "PAY-12")
                .containsEntry("item.servicenow-key", "PTASK0010002")
                .containsEntry("owner", "David Loo")
                .containsEntry("owner.email", "david.loo@example.com")
                .containsEntry("due-date", "2026-11-18")
                .containsEntry("days-overdue", "3")
                .containsEntry("day-count", "business days")
                .containsEntry("retrospective", "PRB0040001 Payment gateway upgrade")
                .containsEntry("change-record", "CHG0030001")
                .containsEntry("team", "Payments")
                .containsEntry("board", "Change Advisory Board")
                .containsEntry("step", "cab")
                .containsEntry("ladder", "production-fixes")
                .containsEntry("links", "ServiceNow PTASK0010002: https://sn.example.com/nav_to.do?uri=problem_task.do?sys_id=abc"
                        + "\nJira PAY-12: https://jira.example.com/browse/PAY-12")
                .containsEntry("failure-mode", "config-drift")
                .containsEntry("recurrences", "2");
        assertThat(TemplateVariables.ITEM).containsAll(values.keySet());
        // {{reason}} is the planner's: only it knows why a step is due now.
        assertThat(values.keySet()).containsAll(TemplateVariables.ITEM.stream()
                .filter(name -> !name.equals("history") && !name.equals("reason")).toList());
    }

    @Test
    void oneDayIsSingular() {
        assertThat(TemplateValues.forItem(TestSubject.item().build(), "l", "s", null, 1, DayCount.CALENDAR, List.of(), 0, UTC))
                .containsEntry("day-count", "day").doesNotContainKey("board");
        assertThat(TemplateValues.forItem(TestSubject.item().build(), "l", "s", null, 1, DayCount.BUSINESS, List.of(), 0, UTC))
                .containsEntry("day-count", "business day");
        assertThat(TemplateValues.forItem(TestSubject.item().build(), "l", "s", null, 0, DayCount.CALENDAR, List.of(), 0, UTC))
                .containsEntry("day-count", "days");
    }

    @Test
    void theOwnerIsTheirNameElseTheirEmailElseUnassigned() {
        assertThat(TemplateValues.owner(TestSubject.item().build())).isEqualTo("David Loo");
        assertThat(TemplateValues.owner(TestSubject.item().ownerName(null).build())).isEqualTo("david.loo@example.com");
        assertThat(TemplateValues.owner(TestSubject.item().unassigned().build())).isEqualTo("unassigned");
    }

    @Test
    void aJiraOnlyItemIsKnownByItsJiraKeyAndLink() {
        Map<String, String> values = TemplateValues.forItem(TestSubject.item().onlyInJira().build(), "l", "s", null, 0,
                DayCount.CALENDAR, List.of(), 0, UTC);

        assertThat(values).containsEntry("item.key", "PAY-12")
                .containsEntry("item.url", "https://jira.example.com/browse/PAY-12")
                .containsEntry("links", "Jira PAY-12: https://jira.example.com/browse/PAY-12")
                .doesNotContainKey("item.servicenow-key");
    }

    @Test
    void aStepListedOnACycleTicketNamesTheCycle() {
        EscalationPlanner grouping = new EscalationPlanner(TestPolicy.defaults().grouping(1, DayOfWeek.MONDAY).build());
        TestScan scan = new TestScan();
        LocalDate monday = LocalDate.of(2026, 11, 23);
        scan.apply(grouping.plan(TestSubject.item().build(), List.of(), RecurrenceFacts.none(), monday), monday);

        assertThat(TemplateValues.historyLines(scan.history(), UTC)).containsExactly(
                "2026-11-23 remind: reminder (raised)", "2026-11-23 cab: listed on cab/2026-W48 (raised)");
    }

    @Test
    void historyHasOneLinePerStepWithItsDayInTheCalendarZone() {
        List<EscalationRecord> history = List.of(
                record("rb-1", "production-fixes", "remind", null, "remind", EscalationState.RAISED, LocalDate.of(2026, 11, 19)),
                record("rb-1", "production-fixes", "cab", "cab", "ticket", EscalationState.RESOLVED, LocalDate.of(2026, 11, 20)),
                record("rb-1", "production-fixes", "reassign", null, "reassign", EscalationState.PARKED, LocalDate.of(2026, 11, 23)),
                record("rb-1", "everything-else", "rab", "release-advisory-board", "ticket", EscalationState.CLAIMED,
                        LocalDate.of(2026, 11, 24)));

        // Raised at 09:00 UTC: the same day from UTC-5 to UTC+14, the day before at UTC-11.
        assertThat(TemplateValues.historyLines(history, ZoneId.of("America/New_York"))).containsExactly(
                "2026-11-19 remind: reminder (raised)",
                "2026-11-20 cab: SCTASK-cab (resolved)",
                "2026-11-23 reassign: re-assigned (parked)",
                "2026-11-24 rab: SCTASK-rab (claimed)");
        assertThat(TemplateValues.historyLines(history.subList(0, 1), ZoneId.of("Pacific/Kiritimati")))
                .containsExactly("2026-11-19 remind: reminder (raised)");
        assertThat(TemplateValues.historyLines(history.subList(0, 1), ZoneId.of("Pacific/Pago_Pago")))
                .as("09:00 UTC is still the day before in UTC-11").containsExactly("2026-11-18 remind: reminder (raised)");
    }
}
