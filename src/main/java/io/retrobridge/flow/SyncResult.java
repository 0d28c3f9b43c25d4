package io.retrobridge.flow;

import io.retrobridge.sync.InboxOutcome;

/** What became of one event, in words fit for the inbox record. */
public record SyncResult(InboxOutcome outcome, String reason) {

    static SyncResult applied(String reason) {
        return new SyncResult(InboxOutcome.APPLIED, reason);
    }

    static SyncResult skipped(String reason) {
        return new SyncResult(InboxOutcome.SKIPPED, reason);
    }
}
