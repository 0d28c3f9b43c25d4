package io.retrobridge.insight.effectiveness;

import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One escalation of an action item to a review board, and how it ended.
 *
 * @param board   the board it went to
 * @param outcome how it ended, or that it has not
 */
public record BoardEscalation(String board, Outcome outcome) {

    /** How a board escalation ended. */
    public enum Outcome {
        /** Resolved because the item was completed or cancelled. */
        CLOSED_ITEM,
        /** Claimed or raised and not resolved: the board still holds it. */
        OPEN,
        /** Resolved because the item's due date moved or was removed, the item itself still open. */
        DEESCALATED,
        /** Writing it failed for good; a dead letter holds it. */
        PARKED
    }

    public BoardEscalation {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * The board escalation a record is, empty for reminders and re-assignments (no board). A resolved record says why
     * only in its note, written by escalation's de-escalation: "... was completed on ..." or "... was cancelled on ..."
     * when the item closed, "due date of ... moved to ..." or "... was removed" otherwise.
     */
    public static Optional<BoardEscalation> of(EscalationRecord record) {
        if (record.boardId() == null || record.boardId().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new BoardEscalation(record.boardId(), outcomeOf(record)));
    }

    private static Outcome outcomeOf(EscalationRecord record) {
        if (record.state() == EscalationState.PARKED) {
            return Outcome.PARKED;
        }
        if (record.state() != EscalationState.RESOLVED) {
            return Outcome.OPEN;
        }
        String note = record.note() == null ? "" : record.note().toLowerCase(Locale.ROOT);
        return note.contains(" was completed on ") || note.contains(" was cancelled on ")
                ? Outcome.CLOSED_ITEM : Outcome.DEESCALATED;
    }
}
