package io.retrobridge.transport;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before retry number {@code attempt}: exponential with full jitter (so many clients
 * that failed together do not retry together), capped, and never sooner than the server's
 * {@code Retry-After}. When a 429 carries no Retry-After, the wait starts at {@code rateLimitFloor}
 * instead of the short first step, so a limited system is not hammered.
 */
public record Backoff(Duration initial, Duration max, Duration rateLimitFloor) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(5));

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || rateLimitFloor.isNegative()) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and a non-negative rate-limit floor");
        }
    }

    /**
     * @param attempt    1 for the first retry
     * @param retryAfter what the server asked for, if it said
     * @param rateLimited the failure was a 429 (or a 503 that means the same)
     * @param random     uniform in [0, 1); injectable so tests can pin it
     */
    public Duration delay(int attempt, Optional<Duration> retryAfter, boolean rateLimited, DoubleSupplier random) {
        Duration ceiling = initial.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        if (ceiling.compareTo(max) > 0) {
            ceiling = max;
        }
        Duration jittered = Duration.ofMillis((long) (ceiling.toMillis() * random.getAsDouble()));
        Duration floor = retryAfter.orElse(rateLimited ? rateLimitFloor : Duration.ZERO);
        return jittered.compareTo(floor) < 0 ? floor : jittered;
    }
}
