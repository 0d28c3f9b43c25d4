package io.retrobridge.transport;

import io.retrobridge.sync.RateBuckets;
import io.retrobridge.sync.RateBuckets.Limit;
import io.retrobridge.sync.RateBuckets.Permit;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces the calls to each system with one bucket in the database that every instance shares, so instances
 * together start no more calls per second than the system allows. Each permit is one statement: the database
 * hands out start times one interval apart on its own clock, and the caller sleeps until its start.
 *
 * <p>Callers queue for their turn per system, first come first served, as in {@link OutboundPacing}: only the
 * head of the queue asks the database and waits for its start, so each instance holds at most one start per
 * system, and instances take turns rather than one of them booking the next second for its own queue.
 *
 * <p>When the database cannot be asked, the caller waits and asks again: a call never starts unpaced.
 */
final class SharedPacing implements Pacing {

    private static final Logger log = LoggerFactory.getLogger(SharedPacing.class);

    /** How long to wait before asking a database that did not answer again. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    private static final long MICROS_PER_MILLI = 1_000;

    private final RateBuckets buckets;
    private final int burst;
    private final Sleeper sleeper;
    private final Map<String, Bucket> systems = new ConcurrentHashMap<>();

    /** This instance's side of one system's bucket; everything but {@code own} is read and written under the turn. */
    private static final class Bucket {
        final ReentrantLock turn = new ReentrantLock(true);
        final Limit own;
        boolean written;
        boolean unreachable;
        Limit warnedAbout;

        Bucket(Limit own) {
            this.own = own;
        }
    }

    /**
     * @param buckets the shared buckets
     * @param burst   calls a quiet bucket lets start at once, written with this instance's rates
     */
    SharedPacing(RateBuckets buckets, int burst, Sleeper sleeper) {
        this.buckets = buckets;
        this.burst = burst;
        this.sleeper = sleeper;
    }

    /**
     * @param perSecond this instance's requests-per-second for the system, written to its bucket on the first
     *                  call; the bucket's own limit paces, whoever wrote it
     */
    @Override
    public Duration awaitPermission(String system, double perSecond) throws InterruptedException {
        Bucket bucket = systems.computeIfAbsent(system, name -> new Bucket(new Limit(perSecond, burst)));
        long queued = System.nanoTime();
        bucket.turn.lockInterruptibly();
        try {
            long waitMicros = reserve(system, bucket).waitMicros();
            if (waitMicros > 0) {
                // Rounded up: waking a little after the start is fine, before it is not.
                sleeper.sleep(Duration.ofMillis((waitMicros + MICROS_PER_MILLI - 1) / MICROS_PER_MILLI));
            }
        } finally {
            bucket.turn.unlock();
        }
        return Duration.ofNanos(System.nanoTime() - queued);
    }

    private Permit reserve(String system, Bucket bucket) throws InterruptedException {
        while (true) {
            try {
                if (!bucket.written) {
                    write(system, bucket);
                }
                Optional<Permit> permit = buckets.reserve(system);
                if (permit.isPresent()) {
                    answered(system, bucket);
                    compare(system, bucket, permit.get().limit());
                    return permit.get();
                }
                bucket.written = false; // the row is gone: write it again
            } catch (RuntimeException unreachable) {
                if (!bucket.unreachable) {
                    log.warn("{}: the shared rate limit cannot be read ({}); calls to {} wait until the database"
                            + " answers", system, unreachable.toString(), system);
                    bucket.unreachable = true;
                }
                sleeper.sleep(RETRY_AFTER_FAILURE);
            }
        }
    }

    private void write(String system, Bucket bucket) {
        Optional<Limit> before = buckets.setLimit(system, bucket.own);
        bucket.written = true;
        before.filter(other -> !other.equals(bucket.own)).ifPresent(other -> log.warn(
                "{}: the shared rate limit was {}, written by another instance; this instance's settings make it {}."
                        + " The instance that calls {} first after its start writes the limit every instance keeps",
                system, describe(other), describe(bucket.own), system));
    }

    private static void answered(String system, Bucket bucket) {
        if (bucket.unreachable) {
            log.info("{}: the shared rate limit can be read again", system);
            bucket.unreachable = false;
        }
    }

    /** Warns once per limit another instance wrote over this one's, and again if it changes. */
    private static void compare(String system, Bucket bucket, Limit shared) {
        if (shared.equals(bucket.own)) {
            bucket.warnedAbout = null;
        } else if (!shared.equals(bucket.warnedAbout)) {
            log.warn("{}: this instance is set to {} but the shared bucket holds {}, written by an instance started"
                    + " later; every instance paces by the bucket", system, describe(bucket.own), describe(shared));
            bucket.warnedAbout = shared;
        }
    }

    private static String describe(Limit limit) {
        return limit.perSecond() + " requests per second (burst " + limit.burst() + ")";
    }

    @Override
    public void close() {
        // Nothing runs in the background: the database keeps the buckets.
    }
}
