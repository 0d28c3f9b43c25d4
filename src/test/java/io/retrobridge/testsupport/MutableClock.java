package io.retrobridge.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves by hand, so timestamps, expiry, rate-limit windows and cache lifetimes are exact.
 * Volatile because the sandboxes read it from their server threads while the test thread advances it.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Everything under test works in UTC, so the zone is not switched. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
