package io.retrobridge.sync;

import java.util.Optional;

/**
 * One token bucket per remote system, shared by every instance on the same database: the requests-per-second a
 * system allows is the system's, not each instance's. All times are the database's, in microseconds, so the
 * instances' clocks never enter into it.
 */
public interface RateBuckets {

    /**
     * Sets {@code system}'s bucket to {@code limit}, creating it (with its burst banked) if there is none.
     *
     * @return the limit the bucket had before, when it had one
     */
    Optional<Limit> setLimit(String system, Limit limit);

    /**
     * Takes the next permit of {@code system}'s bucket: one statement, whatever the wait.
     *
     * @return when the permit starts, or empty when the system has no bucket yet
     */
    Optional<Permit> reserve(String system);

    /**
     * @param perSecond calls started per second at most
     * @param burst     calls a quiet bucket lets start at once; 1 spreads calls evenly over the second
     */
    record Limit(double perSecond, int burst) {

        public Limit {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs requests-per-second above 0 and a burst of at"
                        + " least 1, not " + perSecond + " and " + burst);
            }
        }

        /** The time one permit takes, rounded up so the bucket never lets more than {@code perSecond} through. */
        public long intervalMicros() {
            return Math.max(1, (long) Math.ceil(1_000_000 / perSecond));
        }
    }

    /**
     * @param startsAtMicros when the call may start, by the database's clock
     * @param nowMicros      the database's clock when it answered
     * @param limit          the limit the bucket holds (another instance may have set it)
     */
    record Permit(long startsAtMicros, long nowMicros, Limit limit) {

        /** How long to wait before starting the call; zero when it may start now. */
        public long waitMicros() {
            return Math.max(0, startsAtMicros - nowMicros);
        }
    }
}
