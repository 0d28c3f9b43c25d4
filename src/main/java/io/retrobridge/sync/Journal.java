package io.retrobridge.sync;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.JournalEntry;
import java.util.List;
import java.util.UUID;

/** The append-only record of what the sync did and why. */
public interface Journal {

    /**
     * Appends an entry that has not been stored yet ({@code id == 0}).
     *
     * @return the entry with the id the journal gave it
     */
    JournalEntry append(JournalEntry entry);

    /** The newest {@code limit} entries about one external record, newest first. */
    List<JournalEntry> forSubject(ExternalRef subject, int limit);

    /** Every entry about one link, newest first. */
    List<JournalEntry> forLink(UUID linkId);
}
