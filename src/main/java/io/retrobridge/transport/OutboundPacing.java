package io.retrobridge.transport;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.SemaphoreBasedRateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Paces the calls to each system with its own Resilience4j {@link RateLimiter}: at most requests-per-second calls
 * start per second, spread over the second (one per 1/requests-per-second), so a burst becomes a steady stream
 * instead of a 429 storm. The limiters never block: a caller without a permission waits through the
 * {@link Sleeper} until the next refresh, which {@code refreshes} runs on a fixed grid from the limiter's creation.
 * A test hands in a scheduler that runs the due refreshes when its clock moves, and sees every wait without
 * spending it.
 *
 * <p>Callers queue for their turn at the limiter, first come first served, so only the head of the queue wakes
 * for each refresh: were all of them to wake and ask, every permission would cost a wake-up per waiting caller.
 */
final class OutboundPacing implements Pacing {

    /** Shorter periods would keep the refresh thread busy at high rates; such rates get more permissions per period. */
    private static final long SHORTEST_PERIOD_NANOS = 10_000_000L;
    /** Waits are whole milliseconds, rounded up, so a caller never wakes just before the refresh it waits for. */
    private static final long MILLI = 1_000_000L;
    /** After sleeping until a refresh that has not run yet (its thread was late), look again this soon. */
    private static final long LATE_REFRESH_POLL_NANOS = MILLI;

    private final ScheduledExecutorService refreshes;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final Map<String, Paced> limiters = new ConcurrentHashMap<>();

    private record Paced(RateLimiter limiter, long periodNanos, long startNanos, ReentrantLock turn) {
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
    @Override
    public Duration awaitPermission(String system, double perSecond) throws InterruptedException {
        Paced paced = limiters.computeIfAbsent(system, name -> create(name, perSecond));
        long queued = nanoTime.getAsLong();
        paced.turn().lockInterruptibly();
        try {
            boolean slept = false;
            while (!paced.limiter().acquirePermission()) {
                long sinceRefresh = Math.floorMod(nanoTime.getAsLong() - paced.startNanos(), paced.periodNanos());
                // Only the head of the queue asks, so a refusal in the first half of a period after sleeping until
                // its start means the refresh is late, not taken: look again soon rather than a period later.
                long step = slept && sinceRefresh < paced.periodNanos() / 2 ? LATE_REFRESH_POLL_NANOS
                        : paced.periodNanos() - sinceRefresh;
                sleeper.sleep(Duration.ofMillis((step + MILLI - 1) / MILLI));
                slept = true;
            }
        } finally {
            paced.turn().unlock();
        }
        return Duration.ofNanos(nanoTime.getAsLong() - queued);
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
        return new Paced(limiter, periodNanos, nanoTime.getAsLong(), new ReentrantLock(true));
    }

    @Override
    public void close() {
        refreshes.shutdownNow();
    }
}
