package io.retrobridge.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An event we gave up on after the last retry, kept with the error so an admin can see and replay it.
 *
 * @param error      what went wrong, fit for an admin to read (never containing secrets)
 * @param attempts   how many times applying it was tried
 * @param replayedAt when it was sent back for another try, or null while it still waits
 */
public record DeadLetter(UUID id, InboundEvent event, String error, int attempts, Instant parkedAt,
                         Instant replayedAt) {

    public DeadLetter {
        RecordArguments.required(id, "id");
        RecordArguments.required(event, "event");
        RecordArguments.notBlank(error, "error");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be 0 or more but was " + attempts);
        }
        RecordArguments.required(parkedAt, "parkedAt");
    }

    /** A newly parked event with a fresh id, not yet replayed. */
    public static DeadLetter park(InboundEvent event, String error, int attempts, Instant parkedAt) {
        return new DeadLetter(UUID.randomUUID(), event, error, attempts, parkedAt, null);
    }

    public boolean isReplayed() {
        return replayedAt != null;
    }

    public Optional<Instant> replayed() {
        return Optional.ofNullable(replayedAt);
    }

    public DeadLetter replayedAt(Instant at) {
        return new DeadLetter(id, event, error, attempts, parkedAt, RecordArguments.required(at, "replayedAt"));
    }
}
