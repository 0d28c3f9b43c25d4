package io.retrobridge.transport;

import java.time.Duration;

/** Waits; a seam so tests can see every wait without spending it. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = wait -> Thread.sleep(wait.toMillis());

    void sleep(Duration wait) throws InterruptedException;
}
