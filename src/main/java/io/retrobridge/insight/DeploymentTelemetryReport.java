package io.retrobridge.insight;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.DeploymentTelemetry;
import io.retrobridge.sync.DeploymentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How an application ships to one environment over [from, to), from the deployment runs recorded: the runs that
 * finished in the window (a run still running, or one that finished outside it, is not counted), how many of them
 * failed or were aborted, how many were rollbacks and what share of the finished runs that is, and the median and
 * longest start-to-finish time of the runs that reported both (the median of an even count is the mean of the two
 * middle times).
 */
@Component
public class DeploymentTelemetryReport {

    private final DeploymentStore deployments;

    public DeploymentTelemetryReport(DeploymentStore deployments) {
        this.deployments = deployments;
    }

    /** The telemetry of the runs of {@code application} to {@code environment} that finished in [from, to). */
    public DeploymentTelemetry telemetry(String application, String environment, Instant from, Instant to) {
        return of(application, environment, from, to, deployments.between(application, environment, from, to));
    }

    /** Pure: the telemetry of {@code runs} that finished in [from, to). */
    public static DeploymentTelemetry of(String application, String environment, Instant from, Instant to,
                                  Collection<Deployment> runs) {
        List<Deployment> finished = runs.stream().filter(run -> run.result().finished())
                .filter(run -> !run.finishedAt().isBefore(from) && run.finishedAt().isBefore(to)).toList();
        int failed = (int) finished.stream().filter(run -> run.result() == DeploymentResult.FAILURE
                || run.result() == DeploymentResult.ABORTED).count();
        int rollbacks = (int) finished.stream().filter(Deployment::rollback).count();
        double frequency = finished.isEmpty() ? 0 : (double) rollbacks / finished.size();
        List<Duration> durations = finished.stream().filter(run -> run.startedAt() != null)
                .map(run -> Duration.between(run.startedAt(), run.finishedAt())).sorted().toList();
        return new DeploymentTelemetry(application, environment, from, to, finished.size(), failed, rollbacks,
                frequency, median(durations), durations.isEmpty() ? null : durations.get(durations.size() - 1));
    }

    private static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
