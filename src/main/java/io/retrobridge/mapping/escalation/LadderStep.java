package io.retrobridge.mapping.escalation;

/**
 * One rung: once an item is {@code after} overdue, do {@code action} once, writing {@code text}.
 *
 * @param id unique within its ladder; an item reaches each (ladder, step id) at most once
 */
public record LadderStep(String id, Threshold after, StepAction action, TicketText text) {
}
