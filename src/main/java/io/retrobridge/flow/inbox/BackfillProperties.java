package io.retrobridge.flow.inbox;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How backfills are run ({@code routes/backfill-runner.yaml} reads runner-interval). A backfill requested on any
 * instance is kept in the database; the runner takes it, and takes over one whose instance stopped heartbeating.
 * Checked at start-up.
 *
 * @param runnerInterval how often this instance looks for a backfill to run, and says it is alive while it runs one
 *                       (at least 100ms, default 2s)
 * @param staleAfter     a running backfill whose instance has not said it is alive for this long is taken over by
 *                       another instance, which reads everything again (already linked items are skipped); at least
 *                       three runner intervals (default 30s)
 */
@Validated
@ConfigurationProperties("retrobridge.sync.backfill")
public record BackfillProperties(
        @NotNull(message = "a duration such as 2s")
        @DurationMin(millis = 100, message = "a duration of at least 100ms, e.g. 2s")
        @DefaultValue("2s") Duration runnerInterval,
        @NotNull(message = "a duration such as 30s")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 30s")
        @DefaultValue("30s") Duration staleAfter) {

    /** Checked at start-up with the other constraints, so a bad pair is reported by name like any bad value. */
    @AssertTrue(message = "stale-after at least three times runner-interval, or a live runner could look dead between"
            + " two heartbeats; e.g. stale-after 30s with runner-interval 2s")
    public boolean isStaleAfterLongerThanHeartbeats() {
        return runnerInterval == null || staleAfter == null
                || staleAfter.compareTo(runnerInterval.multipliedBy(3)) >= 0;
    }
}
