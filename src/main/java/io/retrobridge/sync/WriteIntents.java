package io.retrobridge.sync;

import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Remote writes announced before they are sent. An announcement is committed at once, whatever transaction the
 * caller runs in, so a crash after the write leaves it behind; the caller's outcome entry settles it in the same
 * transaction as the link and inbox updates that record the write.
 */
public interface WriteIntents {

    /**
     * Appends the INTENT entry and keeps the write open until it is settled.
     *
     * @param entry the INTENT journal entry (action {@code INTENT}, not stored yet): what, to which record, why
     */
    WriteIntent announce(JournalEntry entry, Operation operation, ExternalSystem target, String targetId, String marker);

    /** Writes announced with this marker that nothing has settled yet, oldest first. */
    List<WriteIntent> openFor(String marker);

    /** Every write nothing has settled yet, oldest first, at most {@code limit}. */
    List<WriteIntent> open(int limit);

    /**
     * Settles the intents with the one entry that says what came of them.
     *
     * @param outcome the journal entry (not stored yet) that explains the outcome; it is appended here
     * @return the stored outcome entry; empty when other runs settled every one of them first (nothing appended)
     */
    Optional<JournalEntry> settle(List<WriteIntent> intents, Instant at, JournalEntry outcome);
}
