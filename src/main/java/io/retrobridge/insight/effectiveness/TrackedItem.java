package io.retrobridge.insight.effectiveness;

import io.retrobridge.domain.ActionStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One action item of a retrospective, as the local store holds it: status, due date and failure mode from its link's
 * snapshots, the day it closed from the follow-up facts the escalation scan keeps, and its board escalations.
 *
 * @param key         the item's correlation id
 * @param displayKey  how people call it (its ServiceNow number when known, else the key)
 * @param dueDate     null when it has none
 * @param completedOn the day it was done or cancelled; null while open or when the scan never saw it close
 * @param failureMode the failure-mode tag it addresses; null when untagged
 */
public record TrackedItem(String key, String displayKey, ActionStatus status, LocalDate dueDate,
                          LocalDate completedOn, String failureMode, List<BoardEscalation> escalations) {

    public TrackedItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        displayKey = displayKey == null ? key : displayKey;
        escalations = List.copyOf(escalations);
    }

    public boolean done() {
        return status == ActionStatus.DONE;
    }

    public boolean closed() {
        return status.isClosed();
    }
}
