package io.retrobridge.flow;

import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.mapping.escalation.BoardQueue;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.Grouping;
import io.retrobridge.mapping.escalation.ItemContext;
import io.retrobridge.mapping.escalation.Ladder;
import io.retrobridge.mapping.escalation.LadderMatch;
import io.retrobridge.mapping.escalation.LadderStep;
import io.retrobridge.mapping.escalation.StateMarkers;
import io.retrobridge.mapping.escalation.StepAction;
import io.retrobridge.mapping.escalation.Threshold;
import io.retrobridge.mapping.escalation.TicketText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Escalation policies as the escalations.yaml of the tests would read: remind at 1, a board at 3, re-assign at 5. */
final class EscalationTestPolicies {

    static final String REMIND_TEXT = "{{owner}}, {{item.key}} \"{{item.title}}\" was due on {{due-date}} and is "
            + "{{days-overdue}} day(s) overdue.";
    static final String TICKET_TITLE = "Overdue action item {{item.key}}: {{item.title}}";
    static final String TICKET_BODY = "{{item.key}} \"{{item.title}}\" owned by {{owner}} was due on {{due-date}} "
            + "({{days-overdue}} days overdue).\nRetrospective: {{retrospective}}\nChange: {{change-record}}";
    static final String REASSIGN_TEXT = "{{item.key}} is {{days-overdue}} days overdue; re-assigned to the problem manager.";
    static final String PROBLEM_MANAGER = "abel.tuter@example.com";

    private EscalationTestPolicies() {
    }

    /** The board step goes to the CAB group's queue in ServiceNow table {@code cabTable}. */
    static EscalationPolicy serviceNowBoard(String cabTable) {
        return policy("cab", BoardQueue.serviceNow(cabTable, "CAB"));
    }

    /** The board step goes to the architecture review board's Jira project ARB. */
    static EscalationPolicy jiraBoard() {
        return policy("arb", BoardQueue.jira("ARB", "Task", List.of("retro-escalation")));
    }

    /** CAB tickets grouped: one per board and weekly review cycle, listing its overdue items. */
    static EscalationPolicy groupedServiceNowBoard() {
        EscalationPolicy one = serviceNowBoard("sc_task");
        return new EscalationPolicy(one.calendar(), one.boards(), one.ladders(), one.systemic(),
                Optional.of(new Grouping(1, java.time.DayOfWeek.MONDAY, new TicketText("{{board}} {{cycle}}", "{{items}}"))),
                one.context(), one.markers());
    }

    private static EscalationPolicy policy(String boardStep, BoardQueue queue) {
        Map<String, Board> boards = new LinkedHashMap<>();
        boards.put("cab", new Board("cab", "Change Advisory Board", boardStep.equals("cab") ? queue
                : BoardQueue.serviceNow("sc_task", "CAB")));
        boards.put("arb", new Board("arb", "Architecture Review Board", boardStep.equals("arb") ? queue
                : BoardQueue.jira("ARB", "Task", List.of("retro-escalation"))));
        Ladder ladder = new Ladder("default", LadderMatch.any(), List.of(
                new LadderStep("remind", new Threshold(1, DayCount.CALENDAR), new StepAction.Remind(),
                        new TicketText(null, REMIND_TEXT)),
                new LadderStep(boardStep, new Threshold(3, DayCount.CALENDAR), new StepAction.RaiseTicket(boardStep),
                        new TicketText(TICKET_TITLE, TICKET_BODY)),
                new LadderStep("reassign", new Threshold(5, DayCount.CALENDAR), new StepAction.Reassign(PROBLEM_MANAGER),
                        new TicketText(null, REASSIGN_TEXT))));
        return new EscalationPolicy(WorkCalendar.standard(), boards, List.of(ladder), Optional.empty(), Optional.empty(),
                new ItemContext("problem", "rfc", "assignment_group", "retro:", "change:", true),
                new StateMarkers("escalated:", "u_escalation"));
    }
}
