package io.retrobridge.sync;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One backfill as stored, so every instance reads the same run and another instance can finish it when the one
 * running it dies.
 *
 * @param instanceId  the instance that took it last; null while it waits to be taken
 * @param claimToken  grows with every take; the holder names it in each write, and a write with an older token is
 *                    refused (the run was taken over)
 * @param heartbeatAt when its holder last said it is alive; null while it waits, or once its holder let it go
 * @param queued      what each change source queued in the last reading, by source name in reading order
 * @param processed   events worked by the run, over all its holders
 * @param restarts    how often it was taken over from an instance that stopped heartbeating
 */
public record BackfillRun(long id, State state, Instant requestedAt, String requestedBy, String instanceId,
        long claimToken, Instant heartbeatAt, Instant startedAt, Instant finishedAt, Map<String, Integer> queued,
        long processed, int restarts, String error) {

    /** Requested runs wait for a runner; running ones have a holder; done and failed are final. */
    public enum State {
        REQUESTED, RUNNING, DONE, FAILED;

        /** The stored and shown name, e.g. {@code running}. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public BackfillRun {
        queued = Collections.unmodifiableMap(new LinkedHashMap<>(queued));
    }

    /** Requested or running: no other run may be requested meanwhile. */
    public boolean open() {
        return state == State.REQUESTED || state == State.RUNNING;
    }
}
