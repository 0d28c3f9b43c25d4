package io.retrobridge.sync;

import java.time.Instant;
import java.util.OptionalLong;

/** One row per round of a leader-only job: who ran it, under which term, and how it ended. */
public interface SingletonRuns {

    /**
     * Records that {@code job} starts on {@code instanceId} under {@code fence}; returns the run's id, or empty when
     * the fence's term is no longer the latest (the round must not run).
     */
    OptionalLong begin(String job, String instanceId, Fence fence, Instant at);

    /** Records how the run ended. */
    void finish(long runId, Outcome outcome, Instant at);

    /** How a round ended. */
    enum Outcome {
        /** It ran to its end. */
        DONE,
        /** A newer term refused its writes: another instance leads now. */
        FENCED,
        /** It failed; the next round tries again. */
        FAILED
    }
}
