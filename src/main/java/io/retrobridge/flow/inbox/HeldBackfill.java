package io.retrobridge.flow.inbox;

import io.retrobridge.sync.BackfillRun;
import io.retrobridge.sync.BackfillRuns;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backfill run this instance holds, and every write it makes to the run: each names the claim token the run was
 * taken with. Once one is refused (another instance took the run over), or the run ended or was let go, it is
 * stopped here: no write is tried again and the reading stops quietly at its next step.
 */
final class HeldBackfill {

    private static final Logger log = LoggerFactory.getLogger(HeldBackfill.class);

    private final BackfillRun run;
    private final BackfillRuns runs;
    private volatile boolean stopped;

    HeldBackfill(BackfillRun run, BackfillRuns runs) {
        this.run = run;
        this.runs = runs;
    }

    BackfillRun run() {
        return run;
    }

    /** No more writes: the run ended, was let go, or was taken over by another instance. */
    boolean stopped() {
        return stopped;
    }

    // Synchronized, so letting the run go cannot interleave with a write of the reading thread.
    synchronized boolean heartbeat() {
        return !stopped && held(runs.heartbeat(run));
    }

    synchronized boolean progress(long processed) {
        return !stopped && held(runs.progress(run, processed));
    }

    synchronized boolean queued(Map<String, Integer> queued, long processed) {
        return !stopped && held(runs.queued(run, queued, processed));
    }

    /** Ends the run, failed when {@code error} is given; false (nothing recorded) when it is no longer held. */
    synchronized boolean finish(long processed, String error) {
        if (stopped || !held(runs.finish(run, processed, error))) {
            return false;
        }
        stopped = true;
        return true;
    }

    /** An orderly stop: the run is left for the next taker at once; this instance writes nothing more to it. */
    synchronized void letGo() {
        if (!stopped) {
            stopped = true;
            runs.release(run);
            log.info("Backfill run {} let go at shutdown; the next runner takes it over", run.id());
        }
    }

    private boolean held(boolean written) {
        if (!written && !stopped) {
            stopped = true;
            log.warn("Backfill run {} was taken over by another instance (or ended meanwhile); this instance stops it"
                    + " and records nothing more for it", run.id());
        }
        return written;
    }
}
