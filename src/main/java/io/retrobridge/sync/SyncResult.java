package io.retrobridge.sync;

import io.retrobridge.domain.ExternalRef;
import java.util.Optional;

/**
 * What became of one event, in words fit for the inbox record; what an {@link EventHandler} answers.
 *
 * @param created the record this event created on the other side, if it did: it cannot hold comments yet, so
 *                the comment sync that follows does not read them
 */
public record SyncResult(InboxOutcome outcome, String reason, Optional<ExternalRef> created) {

    public SyncResult(InboxOutcome outcome, String reason) {
        this(outcome, reason, Optional.empty());
    }

    public static SyncResult applied(String reason) {
        return new SyncResult(InboxOutcome.APPLIED, reason);
    }

    public static SyncResult skipped(String reason) {
        return new SyncResult(InboxOutcome.SKIPPED, reason);
    }

    public SyncResult withCreated(ExternalRef record) {
        return new SyncResult(outcome, reason, Optional.of(record));
    }
}
