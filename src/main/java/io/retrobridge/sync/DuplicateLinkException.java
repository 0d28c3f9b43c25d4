package io.retrobridge.sync;

import java.util.UUID;

/** A second link for the same entity was refused; the first one stays as it was. */
public class DuplicateLinkException extends RuntimeException {

    private final UUID rejectedLinkId;

    public DuplicateLinkException(UUID rejectedLinkId, String message) {
        super(message);
        this.rejectedLinkId = rejectedLinkId;
    }

    /** The id of the link that was not stored. */
    public UUID rejectedLinkId() {
        return rejectedLinkId;
    }
}
