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
 * @param errorKind  a short word for the kind of failure ({@code rate_limited}, {@code server_error},
 *                   {@code deferred_too_long}, ...), to replay dead letters in bulk by kind
 */
public record DeadLetter(UUID id, InboundEvent event, String error, int attempts, Instant parkedAt,
                         Instant replayedAt, String errorKind) {

    /** The kind of a failure nobody classified. */
    public static final String OTHER = "other";

    public DeadLetter {
        RecordArguments.required(id, "id");
        RecordArguments.required(event, "event");
        RecordArguments.notBlank(error, "error");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be 0 or more but was " + attempts);
        }
        RecordArguments.required(parkedAt, "parkedAt");
        errorKind = errorKind == null ? OTHER : errorKind;
        if (!errorKind.matches("[a-z][a-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("errorKind must be a lowercase word of up to 32 characters (a-z, 0-9, _)"
                    + " but was " + errorKind);
        }
    }

    public DeadLetter(UUID id, InboundEvent event, String error, int attempts, Instant parkedAt, Instant replayedAt) {
        this(id, event, error, attempts, parkedAt, replayedAt, OTHER);
    }

    /** A newly parked event with a fresh id, not yet replayed. */
    public static DeadLetter park(InboundEvent event, String error, int attempts, Instant parkedAt) {
        return park(event, OTHER, error, attempts, parkedAt);
    }

    /** A newly parked event with a fresh id and the kind of its failure, not yet replayed. */
    public static DeadLetter park(InboundEvent event, String errorKind, String error, int attempts, Instant parkedAt) {
        return new DeadLetter(UUID.randomUUID(), event, error, attempts, parkedAt, null, errorKind);
    }

    public boolean isReplayed() {
        return replayedAt != null;
    }

    public Optional<Instant> replayed() {
        return Optional.ofNullable(replayedAt);
    }

    public DeadLetter replayedAt(Instant at) {
        return new DeadLetter(id, event, error, attempts, parkedAt, RecordArguments.required(at, "replayedAt"), errorKind);
    }
}
