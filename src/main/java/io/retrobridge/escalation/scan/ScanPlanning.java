package io.retrobridge.escalation.scan;

import io.retrobridge.domain.DayCount;
import io.retrobridge.escalation.EscalationPlanner;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.escalation.GroupLine;
import io.retrobridge.escalation.GroupTicket;
import io.retrobridge.escalation.GroupTicketText;
import io.retrobridge.escalation.ItemPlan;
import io.retrobridge.escalation.RecurrenceDetector;
import io.retrobridge.escalation.RecurrenceFacts;
import io.retrobridge.escalation.RenderedText;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.TicketText;
import java.time.LocalDate;
import java.util.List;

/**
 * The escalation planner bound to one scan: pure decisions, no I/O. Recurrence of failure modes is judged once over
 * everything the scan read, then each item is planned against it.
 */
final class ScanPlanning {

    private final EscalationPolicy policy;
    private final LocalDate today;
    private final RecurrenceFacts recurrence;
    private final EscalationPlanner planner;

    /**
     * @param population every linked action item the scan read, for systemic recurrence
     * @param today      the scan's clock as a date in the policy's calendar zone
     */
    ScanPlanning(EscalationPolicy policy, List<EscalationSubject> population, LocalDate today) {
        this.policy = policy;
        this.today = today;
        this.recurrence = new RecurrenceDetector(policy).detect(population, today);
        this.planner = new EscalationPlanner(policy);
    }

    /** What to do now for one item, given every step it reached so far (oldest first). */
    ItemPlan plan(EscalationSubject subject, List<EscalationRecord> history) {
        return planner.plan(subject, history, recurrence, today);
    }

    /** The text of a board's cycle ticket (grouping on) listing {@code items}; title and body rendered. */
    TicketText groupTicketText(GroupTicket ticket, List<EscalationSubject> items) {
        GroupTicketText texts = new GroupTicketText(policy.grouping().orElseThrow(() ->
                new IllegalStateException("cycle ticket " + ticket.groupKey() + " but grouping is off")));
        List<GroupLine> lines = items.stream().map(subject -> new GroupLine(subject, subject.item().dueDate() == null
                ? 0 : policy.calendar().daysOverdue(subject.item().dueDate(), today, DayCount.CALENDAR))).toList();
        RenderedText text = texts.render(policy.board(ticket.boardId()), ticket.cycle(), lines);
        return new TicketText(text.title(), text.body());
    }
}
