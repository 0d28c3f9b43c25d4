package io.retrobridge.sync;

import java.util.UUID;

/** The link changed since it was read; read it again, decide again, then write. */
public class StaleLinkException extends RuntimeException {

    private final UUID linkId;
    private final long expectedVersion;

    public StaleLinkException(UUID linkId, long expectedVersion) {
        super("Link " + linkId + " is no longer at version " + expectedVersion
                + ": another change was stored first. Read the link again and re-apply the event.");
        this.linkId = linkId;
        this.expectedVersion = expectedVersion;
    }

    public UUID linkId() {
        return linkId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
