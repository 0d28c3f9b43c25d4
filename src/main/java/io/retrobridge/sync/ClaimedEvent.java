package io.retrobridge.sync;

import io.retrobridge.domain.InboundEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * An event handed to one worker, with the fencing token of this claim. Whatever the worker later asks of the inbox
 * about the event (complete, defer, renew) names the token, and is refused once the claim was released and the event
 * claimed again by someone else.
 *
 * @param token         grows with every claim of this event; only the newest claim's token is honoured
 * @param deferredSince when the event was first deferred, if it ever was
 */
public record ClaimedEvent(InboundEvent event, long token, Instant deferredSince) {

    public ClaimedEvent {
        if (event == null) {
            throw new IllegalArgumentException("event is required");
        }
    }

    public Optional<Instant> firstDeferred() {
        return Optional.ofNullable(deferredSince);
    }
}
