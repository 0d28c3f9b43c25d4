package io.retrobridge.domain;

/** How a deployment run ended; {@code RUNNING} while only its start is known. */
public enum DeploymentResult {
    RUNNING,
    SUCCESS,
    FAILURE,
    ABORTED;

    /** Whether the run has ended, well or not. */
    public boolean finished() {
        return this != RUNNING;
    }
}
