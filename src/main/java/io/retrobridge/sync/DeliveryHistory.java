package io.retrobridge.sync;

import io.retrobridge.domain.Deployment;
import java.time.Instant;
import java.util.List;

/**
 * The deployment history the delivery metrics read: runs across applications by when they finished, with the commit
 * time of the deployed sha where an intake reported it.
 */
public interface DeliveryHistory {

    /**
     * A finished run and when its commit was made.
     *
     * @param deployment the run
     * @param commitAt   when the deployed commit was made; null when no intake said
     */
    record DeliveredRun(Deployment deployment, Instant commitAt) {
    }

    /**
     * The runs to {@code environment} that finished in [from, to), oldest first.
     *
     * @param application only this application's runs; null for every application
     */
    List<DeliveredRun> finishedBetween(String application, String environment, Instant from, Instant to);

    /** Notes when the commit a run deployed was made; a run not (yet) stored is left alone. */
    void recordCommitTime(String source, String runId, Instant commitAt);
}
