package io.retrobridge.sync;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Backfills requested on any instance and run by one, kept so that another instance finishes a run whose instance
 * died. At most one run is open (requested or running) at a time. Whoever takes a run gets a new claim token and
 * names it in every later write; a write with an older token changes nothing and answers false, so an instance whose
 * run was taken over learns it and stops.
 */
public interface BackfillRuns {

    /**
     * Records a requested run unless one is open already, whichever instance asks.
     *
     * @return the new run, or the one that was open
     */
    Requested request(String requestedBy);

    /** The run a request answered with, and whether the request made it. */
    record Requested(BackfillRun run, boolean created) {
    }

    /** The newest run, open or not. */
    Optional<BackfillRun> latest();

    Optional<BackfillRun> find(long id);

    /**
     * Takes the open run for {@code instanceId} if it is requested, or running with no heartbeat for longer than
     * {@code staleAfter} (its instance died or let it go; taking it over counts a restart). The take is one guarded
     * update, so of several takers at once one wins.
     *
     * @return the run as taken, with its new claim token; empty when there is nothing to take or another was first
     */
    Optional<BackfillRun> take(String instanceId, Duration staleAfter);

    /** Says the holder is alive; false when the run is no longer held under this token. */
    boolean heartbeat(BackfillRun held);

    /** Records the events worked so far (and beats the heart); false when the run is no longer held. */
    boolean progress(BackfillRun held, long processed);

    /** Records what a finished reading queued, by source name, and the events worked so far; false when not held. */
    boolean queued(BackfillRun held, Map<String, Integer> queued, long processed);

    /**
     * Ends the run: {@code done} without an error, {@code failed} with one. False when the run is no longer held
     * (nothing is recorded then).
     */
    boolean finish(BackfillRun held, long processed, String error);

    /**
     * Lets a running run go without ending it (an orderly stop): its heartbeat is cleared, so the next taker takes
     * it over at once. False when it was no longer held.
     */
    boolean release(BackfillRun held);
}
