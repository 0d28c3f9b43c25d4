package io.retrobridge.escalation;

import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.Scope;
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
import io.retrobridge.mapping.escalation.SystemicRule;
import io.retrobridge.mapping.escalation.Threshold;
import io.retrobridge.mapping.escalation.TicketText;
import java.time.DayOfWeek;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds escalation policies for tests the way escalations.yaml would describe them, starting from a default-like one. */
final class TestPolicy {

    static final TicketText REMIND_TEXT = new TicketText(null,
            "{{owner}}, {{item.key}} \"{{item.title}}\" was due {{due-date}} and is {{days-overdue}} {{day-count}} overdue.");
    static final TicketText CAB_TEXT = new TicketText("Overdue retrospective action {{item.key}}: {{item.title}}",
            "{{item.key}} from {{retrospective}} (change {{change-record}}) is {{days-overdue}} {{day-count}} overdue."
                    + "\nOwner: {{owner}} <{{owner.email}}>, team {{team}}.\n{{links}}");
    static final TicketText REASSIGN_TEXT = new TicketText(null,
            "Re-assigned from {{owner}}: {{days-overdue}} {{day-count}} overdue at {{ladder}}/{{step}}.");
    static final TicketText RAB_TEXT = new TicketText("Overdue: {{item.key}}", "{{item.title}} for {{board}}.");
    static final TicketText SYSTEMIC_TEXT = new TicketText("Systemic: {{failure-mode}} ({{item.key}})",
            "{{item.key}} ({{failure-mode}}, recurrences: {{recurrences}}).\nHistory:\n{{history}}");
    static final TicketText GROUP_TEXT = new TicketText("{{board}}: {{item-count}} overdue actions, {{cycle}}",
            "Overdue retrospective actions for {{board}} in {{cycle}}:\n{{items}}");

    static final Map<String, Board> BOARDS = boards();

    private WorkCalendar calendar = WorkCalendar.standard();
    private final List<Ladder> ladders = new ArrayList<>(List.of(productionFixes(), everythingElse()));
    private Optional<SystemicRule> systemic = Optional.of(new SystemicRule("architecture-review-board", 3,
            Period.ofDays(90), new Threshold(10, DayCount.BUSINESS), SYSTEMIC_TEXT));
    private Optional<Grouping> grouping = Optional.empty();

    static TestPolicy defaults() {
        return new TestPolicy();
    }

    /**
     * production-fixes (immediate fixes): remind after 1 day, ticket for the CAB after 3 business days, re-assign to
     * the release manager after 5 business days.
     */
    static Ladder productionFixes() {
        return new Ladder("production-fixes", new LadderMatch(Set.of(Scope.IMMEDIATE_FIX), Set.of(), Set.of()), List.of(
                new LadderStep("remind", new Threshold(1, DayCount.CALENDAR), new StepAction.Remind(), REMIND_TEXT),
                new LadderStep("cab", new Threshold(3, DayCount.BUSINESS), new StepAction.RaiseTicket("cab"), CAB_TEXT),
                new LadderStep("reassign", new Threshold(5, DayCount.BUSINESS),
                        new StepAction.Reassign("release.manager@example.com"), REASSIGN_TEXT)));
    }

    /** Catch-all: remind after 2 days, ticket for the release advisory board (Jira) after 5 business days. */
    static Ladder everythingElse() {
        return new Ladder("everything-else", LadderMatch.any(), List.of(
                new LadderStep("remind", new Threshold(2, DayCount.CALENDAR), new StepAction.Remind(), REMIND_TEXT),
                new LadderStep("rab", new Threshold(5, DayCount.BUSINESS),
                        new StepAction.RaiseTicket("release-advisory-board"), RAB_TEXT)));
    }

    TestPolicy calendar(WorkCalendar newCalendar) {
        this.calendar = newCalendar;
        return this;
    }

    TestPolicy ladders(Ladder... newLadders) {
        ladders.clear();
        ladders.addAll(List.of(newLadders));
        return this;
    }

    TestPolicy noSystemic() {
        this.systemic = Optional.empty();
        return this;
    }

    TestPolicy grouping(int cycleWeeks, DayOfWeek startsOn) {
        this.grouping = Optional.of(new Grouping(cycleWeeks, startsOn, GROUP_TEXT));
        return this;
    }

    EscalationPolicy build() {
        return new EscalationPolicy(calendar, BOARDS, ladders, systemic, grouping,
                new ItemContext("problem", "rfc", "assignment_group", "retro:", "change:", true),
                new StateMarkers("escalated:", "u_escalation"));
    }

    private static Map<String, Board> boards() {
        Map<String, Board> boards = new LinkedHashMap<>();
        boards.put("cab", new Board("cab", "Change Advisory Board", BoardQueue.serviceNow("sc_task", "CAB")));
        boards.put("release-advisory-board", new Board("release-advisory-board", "Release Advisory Board",
                BoardQueue.jira("RAB", "Task", List.of("retro-escalation"))));
        boards.put("architecture-review-board", new Board("architecture-review-board", "Architecture Review Board",
                BoardQueue.jira("ARB", "Task", List.of())));
        return boards;
    }
}
