package io.retrobridge.flow;

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

/** The escalation planner of the {@code escalation} package, bound to one scan's policy, population and day. */
final class PlannerEscalationPlans implements EscalationPlans {

    @Override
    public ScanPlanning prepare(EscalationPolicy policy, List<EscalationSubject> population, LocalDate today) {
        RecurrenceFacts recurrence = new RecurrenceDetector(policy).detect(population, today);
        EscalationPlanner planner = new EscalationPlanner(policy);
        return new ScanPlanning() {
            @Override
            public ItemPlan plan(EscalationSubject subject, List<EscalationRecord> history) {
                return planner.plan(subject, history, recurrence, today);
            }

            @Override
            public TicketText groupTicketText(GroupTicket ticket, List<EscalationSubject> items) {
                GroupTicketText texts = new GroupTicketText(policy.grouping().orElseThrow(() ->
                        new IllegalStateException("cycle ticket " + ticket.groupKey() + " but grouping is off")));
                List<GroupLine> lines = items.stream().map(subject -> new GroupLine(subject, subject.item().dueDate() == null
                        ? 0 : policy.calendar().daysOverdue(subject.item().dueDate(), today, DayCount.CALENDAR))).toList();
                RenderedText text = texts.render(policy.board(ticket.boardId()), ticket.cycle(), lines);
                return new TicketText(text.title(), text.body());
            }
        };
    }
}
