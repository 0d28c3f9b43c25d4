package io.retrobridge.sync;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;
import java.util.Objects;

/**
 * A remote write announced before it was sent: the INTENT journal entry that explains it, and whether an outcome
 * has settled it yet.
 *
 * @param journalId   the INTENT entry in the journal
 * @param attemptedAt when the write was about to be sent
 * @param subject     the record whose sync settles it: a create's origin, an update's target
 * @param target      the system written to
 * @param targetId    the record written to; null when the write creates it
 * @param marker      what the written record carries (an action item's correlation id, a board ticket's marker),
 *                    so a create whose answer was lost can be found
 * @param settledAt   when an outcome settled it; null while open
 */
public record WriteIntent(long journalId, Instant attemptedAt, ExternalRef subject, Operation operation, ExternalSystem target,
        String targetId, String marker, Instant settledAt) {

    /** The kinds of remote write. */
    public enum Operation {
        CREATE, UPDATE, TRANSITION, COMMENT, CANCEL
    }

    public WriteIntent {
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(marker, "marker");
    }

    public boolean isOpen() {
        return settledAt == null;
    }

    public boolean creates() {
        return operation == Operation.CREATE;
    }
}
