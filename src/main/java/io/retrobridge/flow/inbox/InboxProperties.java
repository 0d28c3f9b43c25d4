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
import org.springframework.boot.convert.DurationStyle;
import org.springframework.validation.annotation.Validated;

/**
 * How the inbox worker holds and gives up events, and when the action-item sync runs
 * ({@code routes/action-item-sync.yaml}). Checked at start-up: a bad value stops the service with a line naming the
 * setting.
 *
 * @param workers       items synced at once (each item's events still one at a time), 1 to 64
 * @param claimTimeout  a claim not renewed for this long belongs to a worker that died or stalled; its event is
 *                      offered again, and the old worker can no longer finish it or write for it
 * @param claimRenewal  how often a worker renews the claims it holds while a long sync runs; below claim-timeout
 *                      (default: a third of claim-timeout)
 * @param maxDeferral   how long an event may keep waiting (rate limit, open breaker, database down), counted from
 *                      its first wait; past it the event is parked with the reason
 * @param enabled       false stops polling, the inbox worker and the intent sweep, e.g. while you fix a mapping;
 *                      webhooks are still accepted and queued, nothing is lost
 * @param pollInterval  time between two polls of each system for action items changed since the last poll
 * @param firstPollDelay wait after start-up before the first poll, 0s or more
 * @param drainInterval time between two passes of the inbox worker over the queued events
 * @param intentSweepInterval how often items with a write announced but never settled (a create whose answer was
 *                      lost, a write a crash interrupted) are queued again
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
        @DefaultValue(ENABLED) boolean enabled,
        @NotNull(message = "a duration such as 30s")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 30s")
        @DefaultValue(POLL_INTERVAL) Duration pollInterval,
        @NotNull(message = "a duration such as 2s")
        @DurationMin(seconds = 0, message = "a duration of 0s or more, e.g. 2s")
        @DefaultValue(FIRST_POLL_DELAY) Duration firstPollDelay,
        @NotNull(message = "a duration such as 1s")
        @DurationMin(millis = 10, message = "a duration of at least 10ms, e.g. 1s")
        @DefaultValue(DRAIN_INTERVAL) Duration drainInterval,
        @NotNull(message = "a duration such as 30s")
        @DurationMin(seconds = 1, message = "a duration of at least 1s, e.g. 30s")
        @DefaultValue(INTENT_SWEEP_INTERVAL) Duration intentSweepInterval) {

    // Named once, for the binder and for instances built in code.
    private static final String ENABLED = "true";
    private static final String POLL_INTERVAL = "30s";
    private static final String FIRST_POLL_DELAY = "2s";
    private static final String DRAIN_INTERVAL = "1s";
    private static final String INTENT_SWEEP_INTERVAL = "30s";

    @ConstructorBinding
    public InboxProperties {
        if (claimRenewal == null && claimTimeout != null) {
            claimRenewal = claimTimeout.dividedBy(3);
        }
    }

    /** Checked at start-up with the other constraints, so a bad pair is reported by name like any bad value. */
    @AssertTrue(message = "claim-renewal shorter than claim-timeout, or a claim would look abandoned between two "
            + "renewals; e.g. claim-renewal 1m with claim-timeout 5m")
    public boolean isRenewalShorterThanTimeout() {
        return claimTimeout == null || claimRenewal == null || claimRenewal.compareTo(claimTimeout) < 0;
    }

    /** The worker's settings, with the sync's schedule at its defaults (for tests and tools). */
    public InboxProperties(int workers, Duration claimTimeout, Duration claimRenewal, Duration maxDeferral) {
        this(workers, claimTimeout, claimRenewal, maxDeferral, Boolean.parseBoolean(ENABLED),
                DurationStyle.detectAndParse(POLL_INTERVAL), DurationStyle.detectAndParse(FIRST_POLL_DELAY),
                DurationStyle.detectAndParse(DRAIN_INTERVAL), DurationStyle.detectAndParse(INTENT_SWEEP_INTERVAL));
    }

    /** The defaults, with another number of workers and claim timeout (for tests and tools). */
    public static InboxProperties of(int workers, Duration claimTimeout) {
        return new InboxProperties(workers, claimTimeout, null, Duration.ofHours(24));
    }
}
