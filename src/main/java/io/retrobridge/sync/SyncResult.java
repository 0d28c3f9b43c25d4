package io.retrobridge.sync;

/** What became of one event, in words fit for the inbox record; what an {@link EventHandler} answers. */
public record SyncResult(InboxOutcome outcome, String reason) {

    public static SyncResult applied(String reason) {
        return new SyncResult(InboxOutcome.APPLIED, reason);
    }

    public static SyncResult skipped(String reason) {
        return new SyncResult(InboxOutcome.SKIPPED, reason);
    }
}
