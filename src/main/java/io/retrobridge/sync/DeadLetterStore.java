package io.retrobridge.sync;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Events we gave up on, kept for an admin to inspect and replay. */
public interface DeadLetterStore {

    DeadLetter park(DeadLetter letter);

    /** A page of dead letters, most recently parked first. */
    List<DeadLetter> list(int offset, int limit);

    Optional<DeadLetter> find(UUID id);

    /**
     * Marks a dead letter as sent back for another try; only one caller can do so.
     *
     * @throws java.util.NoSuchElementException when there is no such dead letter
     * @throws IllegalStateException            when it was already replayed
     */
    DeadLetter markReplayed(UUID id, Instant at);

    long count();

    /** The newest {@code limit} dead letters of events about any of these records, most recently parked first. */
    List<DeadLetter> forEntities(Collection<ExternalRef> records, int limit);

    /** How many dead letters there are of events about any of these records. */
    long countForEntities(Collection<ExternalRef> records);

    /** Up to {@code limit} dead letters not replayed yet that match {@code filter}, oldest parked first. */
    List<DeadLetter> notReplayed(DeadLetterFilter filter, int limit);
}
