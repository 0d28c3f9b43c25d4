package io.retrobridge.flow.inbox;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the inbox worker holds and gives up events. Checked at start-up: a bad value stops the service with a line
 * naming the setting.
 *
 * @param workers       items synced at once (each item's events still one at a time), 1 to 64
 * @param claimTimeout  a claim not renewed for this long belongs to a worker that died or stalled; its event is
 *                      offered again, and the old worker can no longer finish it or write for it
 * @param claimRenewal  how often a worker renews the claims it holds while a long sync runs; below claim-timeout
 *                      (default: a third of claim-timeout)
 * @param maxDeferral   how long an event may keep waiting (rate limit, open breaker, database down), counted from
 *                      its first wait; past it the event is parked with the reason
 * @param enabled       false stops polling, the inbox worker, the intent sweep and the unreadable recheck
 *                      (routes/action-item-sync.yaml); webhooks are still accepted and queued
 * @param pollInterval  time between two polls of each system for changed action items
 * @param firstPollDelay wait after start-up before the first poll, drain and sweep
 * @param drainInterval time between two looks of the inbox worker for queued events
 * @param intentSweepInterval time between two looks for announced writes never settled
 */
@Validated
@ConfigurationProperties("retrobridge.sync")
public record InboxProperties(
        @Min(value = 1, message = "at least 1") @Max(value = 64, message = "at most 64")
        @DefaultValue("1") int workers,
        @NotNull(message = "a duration such as 5m")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 5m")
        @DefaultValue("5m") Duration claimTimeout,
        @DurationMin(millis = 100, message = "a duration of at least 100ms, e.g. 1m")
        Duration claimRenewal,
        @NotNull(message = "a duration such as 24h")
        @DurationMin(minutes = 1, message = "a duration of at least 1m, e.g. 24h")
        @DefaultValue("24h") Duration maxDeferral,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("2s") Duration firstPollDelay,
        @DefaultValue("1s") Duration drainInterval,
        @DefaultValue("30s") Duration intentSweepInterval) {

    @ConstructorBinding
    public InboxProperties {
        if (claimRenewal == null && claimTimeout != null) {
            claimRenewal = claimTimeout.dividedBy(3);
        }
    }

    /** The defaults of the schedule, with these claim settings (for tests and tools). */
    public InboxProperties(int workers, Duration claimTimeout, Duration claimRenewal, Duration maxDeferral) {
        this(workers, claimTimeout, claimRenewal, maxDeferral, true, Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** Checked at start-up with the other constraints, so a bad pair is reported by name like any bad value. */
    @AssertTrue(message = "claim-renewal shorter than claim-timeout, or a claim would look abandoned between two "
            + "renewals; e.g. claim-renewal 1m with claim-timeout 5m")
    public boolean isRenewalShorterThanTimeout() {
        return claimTimeout == null || claimRenewal == null || claimRenewal.compareTo(claimTimeout) < 0;
    }

    /** The defaults, with another number of workers and claim timeout (for tests and tools). */
    public static InboxProperties of(int workers, Duration claimTimeout) {
        return new InboxProperties(workers, claimTimeout, null, Duration.ofHours(24));
    }
}
