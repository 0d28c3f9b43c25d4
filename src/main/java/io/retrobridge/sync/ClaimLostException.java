package io.retrobridge.sync;

import java.util.UUID;

/**
 * The worker's claim on an event is no longer held: it went stale (the worker stalled longer than the claim timeout),
 * was released and the event was claimed again, or it was finished meanwhile. The worker must stop at once: neither
 * write anything nor record an outcome, since another worker now owns the event.
 */
public class ClaimLostException extends IllegalStateException {

    private final UUID eventId;

    public ClaimLostException(UUID eventId, long token, String state) {
        super("The claim " + token + " on inbound event " + eventId + " is no longer held (" + state
                + "); another worker owns the event now, so this one neither writes nor records an outcome.");
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
