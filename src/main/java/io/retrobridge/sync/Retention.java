package io.retrobridge.sync;

import java.time.Instant;

/**
 * Deletes what is past its keeping time. Each call touches only finished things: events still pending or
 * claimed, and dead letters not replayed yet, are never deleted, however old.
 */
public interface Retention {

    /** Empties the stored delivery of every finished event (the sync re-reads the record; a replay uses the dead letter's copy). */
    int dropFinishedPayloads();

    /** Deletes finished events (applied, skipped, parked) finished before {@code before}. */
    int purgeFinishedEvents(Instant before);

    int purgeJournal(Instant before);

    /** Deletes dead letters replayed before {@code before}; unreplayed ones stay. */
    int purgeReplayedDeadLetters(Instant before);

    int purgeAdminAudit(Instant before);

    /** Deletes the records of leader-only job rounds started before {@code before}, finished or left by a crash. */
    int purgeSingletonRuns(Instant before);

    /** Deletes backfills that ended (done or failed) before {@code before}; an open one and the latest one stay. */
    int purgeFinishedBackfillRuns(Instant before);
}
