package io.retrobridge.escalation;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The board holding an item, and through which step: what the item's label / field shows. It is the board of the
 * newest step a plan raises to a board, else of the newest RAISED board record the plan does not resolve.
 */
public record BoardHold(String boardId, String stepId) {

    public BoardHold {
        Objects.requireNonNull(boardId, "boardId is required but was null");
        Objects.requireNonNull(stepId, "stepId is required but was null");
    }

    /** Who holds the item by what it has reached so far: the latest board step still raised. */
    public static Optional<BoardHold> of(List<EscalationRecord> history) {
        return after(history, List.of(), List.of());
    }

    /** Who holds the item once {@code plan} is carried out; {@code history} is what the plan was made from. */
    public static Optional<BoardHold> after(List<EscalationRecord> history, ItemPlan plan) {
        return after(history, plan.resolutions(), plan.due());
    }

    static Optional<BoardHold> after(List<EscalationRecord> history, List<Resolution> resolutions, List<StepDue> due) {
        for (int i = due.size() - 1; i >= 0; i--) {
            StepDue step = due.get(i);
            if (step.boardId() != null) {
                return Optional.of(new BoardHold(step.boardId(), step.stepId()));
            }
        }
        Set<UUID> resolved = new HashSet<>();
        resolutions.forEach(resolution -> resolved.add(resolution.record().id()));
        EscalationRecord latest = null;
        for (EscalationRecord record : history) {
            boolean holds = record.state() == EscalationState.RAISED && record.boardId() != null
                    && !resolved.contains(record.id());
            // Newest by raisedAt; on a tie the later record in the history (oldest first) wins.
            if (holds && (latest == null || !raisedAt(record).isBefore(raisedAt(latest)))) {
                latest = record;
            }
        }
        return Optional.ofNullable(latest).map(record -> new BoardHold(record.boardId(), record.stepId()));
    }

    private static Instant raisedAt(EscalationRecord record) {
        return record.raisedAt() != null ? record.raisedAt() : Instant.MIN;
    }
}
