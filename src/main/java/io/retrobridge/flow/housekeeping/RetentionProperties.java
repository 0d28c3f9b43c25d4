package io.retrobridge.flow.housekeeping;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long RetroBridge keeps what it stored, and how often the purge runs ({@code routes/retention-purge.yaml}
 * reads enabled and purge-interval with the same defaults). Events still waiting or being synced, and dead
 * letters nobody replayed, are kept whatever their age. Checked at start-up.
 *
 * @param enabled             false stops the purge; nothing is deleted
 * @param purgeInterval       time between purges, at least 1m
 * @param finishedEvents      how long an applied, skipped or parked event is kept (its delivery body is emptied
 *                            at the first purge after it finished: the sync re-reads records, and a replay uses
 *                            the dead letter's copy)
 * @param journal             how long journal entries are kept
 * @param replayedDeadLetters how long a dead letter is kept after it was replayed
 * @param adminAudit          how long the audit log of admin actions is kept
 * @param singletonRuns       how long the record of each round of a leader-only job (singleton_runs, one row per
 *                            round, written with retrobridge.cluster.mode=jdbc) is kept, counted from the round's start
 * @param backfillRuns        how long a finished backfill (backfill_runs, done or failed) is kept after it ended; a
 *                            backfill still requested or running, and the latest one, are never deleted
 */
@Validated
@ConfigurationProperties("retrobridge.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull(message = "a duration such as 1h")
        @DurationMin(minutes = 1, message = "a duration of at least 1m, e.g. 1h")
        @DefaultValue("1h") Duration purgeInterval,
        @NotNull(message = "a duration such as 30d")
        @DurationMin(days = 1, message = "a duration of at least 1d, e.g. 30d")
        @DefaultValue("30d") Duration finishedEvents,
        @NotNull(message = "a duration such as 400d")
        @DurationMin(days = 1, message = "a duration of at least 1d, e.g. 400d")
        @DefaultValue("400d") Duration journal,
        @NotNull(message = "a duration such as 90d")
        @DurationMin(days = 1, message = "a duration of at least 1d, e.g. 90d")
        @DefaultValue("90d") Duration replayedDeadLetters,
        @NotNull(message = "a duration such as 400d")
        @DurationMin(days = 1, message = "a duration of at least 1d, e.g. 400d")
        @DefaultValue("400d") Duration adminAudit,
        @NotNull(message = "a duration such as 14d")
        @DurationMin(days = 1, message = "a duration of at least 1d, e.g. 14d")
        @DefaultValue("14d") Duration singletonRuns,
        @NotNull(message = "a duration such as 90d")
        @DurationMin(days = 1, message = "a duration of at least 1d, e.g. 90d")
        @DefaultValue("90d") Duration backfillRuns) {
}
