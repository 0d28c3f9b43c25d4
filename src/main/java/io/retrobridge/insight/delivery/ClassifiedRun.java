package io.retrobridge.insight.delivery;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import java.time.Duration;
import java.time.Instant;

/**
 * A finished run as the delivery metrics see it.
 *
 * @param run         the run
 * @param commitAt    when its commit was made; null when unknown
 * @param failure     why it counts as a failed deployment; null when it does not
 * @param restoredAt  when service was restored after it failed; null when not failed or not (yet) restored
 * @param restoredBy  what restored it; null with restoredAt
 * @param rework      why it counts as rework; null when it does not
 */
record ClassifiedRun(Deployment run, Instant commitAt, String failure, Instant restoredAt, String restoredBy,
                     String rework) {

    boolean successful() {
        return run.result() == DeploymentResult.SUCCESS;
    }

    boolean failed() {
        return failure != null;
    }

    Instant finishedAt() {
        return run.finishedAt();
    }

    String key() {
        return run.source().name() + ":" + run.runId();
    }

    DeliveryEvent event(String note, Duration duration) {
        return new DeliveryEvent(run.application(), run.source().name(), run.runId(), run.finishedAt(), run.runUrl(),
                note, duration);
    }
}
