package io.retrobridge.insight.pir;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.DeploymentTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How an application shipped to an environment over a PIR's windows, from its recorded runs: finished runs, failed
 * or aborted ones, rollbacks and their share of finished runs, and the median and longest start-to-finish time of
 * runs that reported both (the median of an even count is the mean of the middle two).
 */
final class ReleaseTelemetry {

    private ReleaseTelemetry() {
    }

    static DeploymentTelemetry of(String application, String environment, Instant from, Instant to,
                                  List<Deployment> runs) {
        List<Deployment> finished = runs.stream().filter(run -> run.result().finished()).toList();
        int failed = (int) finished.stream().filter(run -> run.result() == DeploymentResult.FAILURE
                || run.result() == DeploymentResult.ABORTED).count();
        int rollbacks = (int) finished.stream().filter(Deployment::rollback).count();
        List<Duration> durations = finished.stream().filter(run -> run.startedAt() != null)
                .map(run -> Duration.between(run.startedAt(), run.finishedAt())).sorted().toList();
        Duration median = null;
        if (!durations.isEmpty()) {
            int middle = durations.size() / 2;
            median = durations.size() % 2 == 1 ? durations.get(middle)
                    : durations.get(middle - 1).plus(durations.get(middle)).dividedBy(2);
        }
        return new DeploymentTelemetry(application, environment, from, to, finished.size(), failed, rollbacks,
                finished.isEmpty() ? 0.0 : (double) rollbacks / finished.size(), median,
                durations.isEmpty() ? null : durations.get(durations.size() - 1));
    }
}
