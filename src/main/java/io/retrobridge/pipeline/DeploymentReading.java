package io.retrobridge.pipeline;

import io.retrobridge.domain.Deployment;

/** What one CI/CD delivery says: a deployment report, or why it reports none. */
public sealed interface DeploymentReading {

    /**
     * @param reportedState the status or phase as the system reported it, which tells this report of the run from
     *                      its other reports (started, finished)
     */
    record Reported(Deployment deployment, String reportedState) implements DeploymentReading {
    }

    /** A valid delivery that reports no deployment (a test workflow, a queued job); the reason says how to stop it. */
    record NotADeployment(String reason) implements DeploymentReading {
    }
}
