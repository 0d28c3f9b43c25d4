package io.retrobridge.escalation;

import java.util.Objects;

/**
 * One item listed on a board's cycle ticket.
 *
 * @param daysOverdue calendar days, as {@link ItemPlan#daysOverdue()} gives them
 */
public record GroupLine(EscalationSubject subject, long daysOverdue) {

    public GroupLine {
        Objects.requireNonNull(subject, "subject is required but was null");
    }
}
