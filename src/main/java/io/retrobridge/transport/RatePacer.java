package io.retrobridge.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces the calls to one system evenly: at most {@code perSecond} starts per second, each one
 * {@code 1/perSecond} after the previous, so a burst becomes a steady stream instead of a 429 storm.
 * A caller reserves the next free slot and waits until it comes; slots are handed out in order.
 */
public final class RatePacer {

    private final Duration spacing;
    private final Clock clock;
    private Instant nextFree = Instant.MIN;

    public RatePacer(double perSecond, Clock clock) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("requests per second must be above 0, was " + perSecond);
        }
        this.spacing = Duration.ofNanos((long) (1_000_000_000L / perSecond));
        this.clock = clock;
    }

    /** Takes the next slot; returns how long to wait before it starts (zero when free now). */
    public synchronized Duration reserve() {
        Instant now = clock.instant();
        Instant slot = nextFree.isAfter(now) ? nextFree : now;
        nextFree = slot.plus(spacing);
        return Duration.between(now, slot);
    }
}
