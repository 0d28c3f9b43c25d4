package io.retrobridge.transport;

import java.time.Duration;

/**
 * Keeps the calls to each remote system within its requests-per-second: {@link OutboundPacing} per instance,
 * {@link SharedPacing} across every instance on the same database.
 */
interface Pacing extends AutoCloseable {

    /**
     * Waits until {@code system} may start one more call.
     *
     * @param perSecond the system's requests-per-second, from this instance's settings
     * @return how long it waited (zero when a permission was free)
     */
    Duration awaitPermission(String system, double perSecond) throws InterruptedException;

    @Override
    void close();
}
