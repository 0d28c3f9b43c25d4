package io.retrobridge.mapping.escalation;

/** What a step does. One of {@link Remind}, {@link RaiseTicket}, {@link Reassign}. */
public sealed interface StepAction permits StepAction.Remind, StepAction.RaiseTicket, StepAction.Reassign {

    /** A comment (Jira) or work note (ServiceNow) on the item itself, mentioning its owner; written on both sides. */
    record Remind() implements StepAction {
    }

    /** A ticket in the board's queue. */
    record RaiseTicket(String boardId) implements StepAction {
    }

    /** The item is re-assigned to this person (by e-mail), with a comment/work note saying why. */
    record Reassign(String toEmail) implements StepAction {
    }
}
