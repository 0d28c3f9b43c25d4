package io.retrobridge.sync;

import io.retrobridge.domain.ExternalRef;
import java.time.Instant;
import java.util.List;

/**
 * Linked records that answered 404 and are to be read again, with when they were first seen so. Kept outside the
 * process, so that edits skipped while a record was hidden are still caught up after a restart.
 */
public interface UnreadableLinks {

    /**
     * Remembers {@code record} as unreadable; one remembered already (by this or another instance) keeps its first
     * sighting.
     *
     * @param where what the integration account may have lost sight of, e.g. "Jira project PAY"
     */
    void remember(ExternalRef record, String where, Instant firstSeen);

    /** Forgets {@code record}; true for the one caller that found it waiting, however many ask at once. */
    boolean forget(ExternalRef record);

    /**
     * Gives up on records first seen before {@code giveUpBefore}, then answers up to {@code max} of the rest, the
     * longest unlooked-at first, and notes them looked at {@code now}, so every one gets its turn.
     */
    List<ExternalRef> due(int max, Instant now, Instant giveUpBefore);
}
