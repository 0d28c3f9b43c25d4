package io.retrobridge.transport;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.SemaphoreBasedRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

/**
 * Paces the calls to each system with its own Resilience4j {@link RateLimiter}: at most requests-per-second calls
 * start per second, spread over the second (one per 1/requests-per-second), so a burst becomes a steady stream
 * instead of a 429 storm. The limiters never block: a caller without a permission waits through the
 * {@link Sleeper} until the next refresh, which {@code refreshes} runs on a fixed grid from the limiter's creation.
 * A test hands in a scheduler that runs the due refreshes when its clock moves, and sees every wait without
 * spending it.
 */
final class OutboundPacing implements AutoCloseable {

    /** Shorter periods would keep the refresh thread busy at high rates; such rates get more permissions per period. */
    private static final long SHORTEST_PERIOD_NANOS = 10_000_000L;
    /** After sleeping until a refresh that has not run yet (its thread was late), look again this soon. */
    private static final long LATE_REFRESH_GRACE_NANOS = 1_000_000L;

    private final ScheduledExecutorService refreshes;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<String, Paced> limiters = new ConcurrentHashMap<>();

    private record Paced(RateLimiter limiter, long periodNanos, long startNanos) {
    }

    /**
     * @param refreshes runs the limiters' permission refreshes
     * @param nanoTime  the time {@code refreshes} keeps, in nanoseconds
     */
    OutboundPacing(ScheduledExecutorService refreshes, LongSupplier nanoTime, Sleeper sleeper) {
        this.refreshes = refreshes;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** One daemon thread refreshing every system's permissions, on {@link System#nanoTime()}. */
    static OutboundPacing withRefreshThread(Sleeper sleeper) {
        ScheduledExecutorService refreshes = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "retrobridge-rate-limits");
            thread.setDaemon(true);
            return thread;
        });
        return new OutboundPacing(refreshes, System::nanoTime, sleeper);
    }

    /**
     * Waits until {@code system} may start one more call.
     *
     * @param perSecond the system's requests-per-second, read when its limiter is made (on its first call)
     * @return how long it waited (zero when a permission was free)
     */
    Duration awaitPermission(String system, double perSecond) throws InterruptedException {
        Paced paced = limiters.computeIfAbsent(system, name -> create(name, perSecond));
        long waited = 0;
        boolean slept = false;
        while (!paced.limiter().acquirePermission()) {
            long sinceRefresh = Math.floorMod(nanoTime.getAsLong() - paced.startNanos(), paced.periodNanos());
            long step = slept && sinceRefresh < LATE_REFRESH_GRACE_NANOS ? LATE_REFRESH_GRACE_NANOS
                    : paced.periodNanos() - sinceRefresh;
            sleeper.sleep(Duration.ofNanos(step));
            waited += step;
            slept = true;
        }
        return Duration.ofNanos(waited);
    }

    /**
     * One permission per 1/perSecond, as evenly as the rate asks; above 100 per second, as many permissions per
     * 10 ms (or a little more) as make exactly {@code perSecond}.
     */
    private Paced create(String system, double perSecond) {
        int perPeriod = (int) Math.ceil(perSecond * SHORTEST_PERIOD_NANOS / 1e9);
        long periodNanos = Math.round(perPeriod * 1e9 / perSecond);
        RateLimiterConfig config = RateLimiterConfig.custom().limitForPeriod(perPeriod)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos)).timeoutDuration(Duration.ZERO).build();
        RateLimiter limiter = new SemaphoreBasedRateLimiter("outbound-" + OutboundBreakers.key(system), config, refreshes);
        return new Paced(limiter, periodNanos, nanoTime.getAsLong());
    }

    @Override
    public void close() {
        refreshes.shutdownNow();
    }
}
