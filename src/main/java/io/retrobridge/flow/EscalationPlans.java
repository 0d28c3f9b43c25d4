package io.retrobridge.flow;

import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.escalation.GroupTicket;
import io.retrobridge.escalation.ItemPlan;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.TicketText;
import java.time.LocalDate;
import java.util.List;

/**
 * What the scan asks of the escalation planner: pure decisions, no I/O. One scan prepares once (recurrence of
 * failure modes is judged over everything it read), then asks per item.
 */
public interface EscalationPlans {

    /**
     * Planning for one scan.
     *
     * @param population every linked action item the scan read, for systemic recurrence
     * @param today      the scan's clock as a date in the policy's calendar zone
     */
    ScanPlanning prepare(EscalationPolicy policy, List<EscalationSubject> population, LocalDate today);

    /** The planner bound to one scan's policy, population and day. */
    interface ScanPlanning {

        /** What to do now for one item, given every step it reached so far (oldest first). */
        ItemPlan plan(EscalationSubject subject, List<EscalationRecord> history);

        /** The text of a board's cycle ticket (grouping on) listing {@code items}; title and body rendered. */
        TicketText groupTicketText(GroupTicket ticket, List<EscalationSubject> items);
    }
}
