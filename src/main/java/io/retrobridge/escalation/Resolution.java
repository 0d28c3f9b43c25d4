package io.retrobridge.escalation;

/**
 * An escalation whose cause went away: the item was done or cancelled, or its due date moved so the step's
 * threshold is no longer reached. Its ticket is updated with {@code note} and resolved.
 */
public record Resolution(EscalationRecord record, String note) {
}
