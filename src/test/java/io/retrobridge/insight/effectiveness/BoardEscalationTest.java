package io.retrobridge.insight.effectiveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.insight.effectiveness.BoardEscalation.Outcome;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How an escalation record is read as a board escalation and its outcome. */
class BoardEscalationTest {

    private static final Instant AT = Instant.parse("2026-06-07T00:00:00Z");

    private static EscalationRecord record(String board, EscalationState state, String note) {
        return new EscalationRecord(UUID.randomUUID(), "rb-1", "overdue", "step", board, "ticket", null, null, null,
                null, "marker", state, 3, AT, AT, state == EscalationState.RESOLVED ? AT : null, note);
    }

    @Test
    void eachStateAndResolutionNoteGivesItsOutcome() {
        assertThat(BoardEscalation.of(record("CAB", EscalationState.RAISED, "3 days overdue")))
                .contains(new BoardEscalation("CAB", Outcome.OPEN));
        assertThat(BoardEscalation.of(record("CAB", EscalationState.CLAIMED, "3 days overdue")))
                .contains(new BoardEscalation("CAB", Outcome.OPEN));
        assertThat(BoardEscalation.of(record("CAB", EscalationState.PARKED, "HTTP 400")))
                .contains(new BoardEscalation("CAB", Outcome.PARKED));
        assertThat(BoardEscalation.of(record("CAB", EscalationState.RESOLVED, "PAY-12 was completed on 2026-06-08")))
                .contains(new BoardEscalation("CAB", Outcome.CLOSED_ITEM));
        assertThat(BoardEscalation.of(record("CAB", EscalationState.RESOLVED, "PAY-12 was cancelled on 2026-06-08")))
                .contains(new BoardEscalation("CAB", Outcome.CLOSED_ITEM));
        assertThat(BoardEscalation.of(record("ARB", EscalationState.RESOLVED, "due date of PAY-12 was removed")))
                .contains(new BoardEscalation("ARB", Outcome.DEESCALATED));
    }

    @Test
    void remindersAndReassignmentsReachNoBoard() {
        assertThat(BoardEscalation.of(record(null, EscalationState.RAISED, "reminded"))).isEmpty();
    }
}
