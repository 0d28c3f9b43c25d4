package io.retrobridge.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What the deployment events say about how an application ships to one environment over a window.
 *
 * @param deployments       finished runs in the window
 * @param failed            of them, runs that failed or were aborted
 * @param rollbacks         of them, runs that put an earlier version back
 * @param rollbackFrequency rollbacks over finished runs (0 when there were none)
 * @param medianDuration    median start-to-finish time of runs that reported both; null when none did
 * @param longestDuration   the longest such time; null when none did
 */
public record DeploymentTelemetry(String application, String environment, Instant from, Instant to, int deployments,
                                  int failed, int rollbacks, double rollbackFrequency, Duration medianDuration,
                                  Duration longestDuration) {

    public DeploymentTelemetry {
        RecordArguments.identifier(application, "application");
        RecordArguments.identifier(environment, "environment");
        RecordArguments.required(from, "from");
        RecordArguments.required(to, "to");
    }
}
