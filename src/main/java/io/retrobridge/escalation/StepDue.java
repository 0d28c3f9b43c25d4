package io.retrobridge.escalation;

import io.retrobridge.mapping.escalation.StepAction;

/**
 * A step an item has reached and not yet been given: what the scan must now write, once.
 *
 * @param ladderId    the ladder (or "systemic" for the systemic rule)
 * @param stepId      the step within it (the systemic rule's step id is "architecture-review")
 * @param kind        remind | ticket | reassign | systemic | group (a ticket step listed on the cycle ticket), as
 *                    stored in {@link EscalationRecord#kind()}
 * @param action      what to do; systemic escalations are a {@link StepAction.RaiseTicket} to the systemic board
 * @param boardId     the board for tickets, null otherwise
 * @param title       rendered title (tickets only; null otherwise)
 * @param body        rendered text
 * @param grouped     true when grouping is on and this board ticket goes on the board's cycle ticket instead
 * @param groupKey    board id + "/" + cycle when grouped, else null
 * @param daysOverdue counted as the step's threshold counts
 * @param reason      one line for the journal: why this step, now (names ladder, step, threshold and count)
 */
public record StepDue(String ladderId, String stepId, String kind, StepAction action, String boardId, String title,
                      String body, boolean grouped, String groupKey, long daysOverdue, String reason) {
}
