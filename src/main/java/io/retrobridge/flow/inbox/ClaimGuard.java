package io.retrobridge.flow.inbox;

import java.util.function.Supplier;

/**
 * Lets a sync check, just before each remote write, that the worker running it still holds its claim on the event.
 * Bound to the thread the inbox worker runs the event on; a sync run without a claim (backfill, escalation scan)
 * has nothing to check.
 */
public final class ClaimGuard {

    private static final ThreadLocal<Runnable> CHECK = new ThreadLocal<>();

    private ClaimGuard() {
    }

    /** Runs {@code work} with {@code check} as the test every write must pass; check throws when the claim is lost. */
    static <T> T holding(Runnable check, Supplier<T> work) {
        Runnable outer = CHECK.get();
        CHECK.set(check);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CHECK.remove();
            } else {
                CHECK.set(outer);
            }
        }
    }

    /** Throws {@link io.retrobridge.sync.ClaimLostException} when the claim this thread works under was taken over. */
    public static void beforeWrite() {
        Runnable check = CHECK.get();
        if (check != null) {
            check.run();
        }
    }
}
