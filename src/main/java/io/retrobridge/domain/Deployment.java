package io.retrobridge.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One deployment run of an application to an environment, as a pipeline reported it, whichever CI/CD system sent it.
 * A run is known by its source and run id: every report of the same run (started, then finished; a redelivery)
 * describes the same deployment and is merged into it.
 *
 * @param source      the system that reported it, e.g. {@code GITHUB}, {@code PIPELINE} for the generic API
 * @param runId       the run's id on that system, unique there (with the job or environment where one run deploys
 *                    several times)
 * @param application the deployed application (a service or repository name), as the admin's criteria name it
 * @param environment e.g. {@code production}; lower case
 * @param version     the deployed version (a tag, build number or, lacking one, the commit sha)
 * @param commitSha   the deployed commit; null when the pipeline does not say
 * @param pipeline    the pipeline or workflow name; null when unknown
 * @param runUrl      where people open the run; null when unknown
 * @param startedAt   null when only the end was reported
 * @param finishedAt  null while running
 * @param result      how it ended
 * @param rollback    whether the run put an earlier version back (said by the pipeline or recognised later)
 * @param changeNumber the ServiceNow change it carries out, e.g. CHG0030001; null when none
 */
public record Deployment(ExternalSystem source, String runId, String application, String environment, String version,
                         String commitSha, String pipeline, String runUrl, Instant startedAt, Instant finishedAt,
                         DeploymentResult result, boolean rollback, String changeNumber) {

    public Deployment {
        RecordArguments.required(source, "source");
        RecordArguments.identifier(runId, "runId");
        RecordArguments.identifier(application, "application");
        RecordArguments.identifier(environment, "environment");
        RecordArguments.identifier(version, "version");
        RecordArguments.required(result, "result");
        if (startedAt == null && finishedAt == null) {
            throw new IllegalArgumentException("a deployment needs startedAt or finishedAt; neither was given");
        }
        if (finishedAt == null && result.finished()) {
            throw new IllegalArgumentException("a deployment that ended " + result + " needs finishedAt");
        }
        if (startedAt != null && finishedAt != null && finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("finishedAt " + finishedAt + " is before startedAt " + startedAt);
        }
    }

    /** The ServiceNow change it carries out, if the pipeline named one. */
    public Optional<String> change() {
        return Optional.ofNullable(changeNumber);
    }

    /** When it last moved: its end, or its start while running. */
    public Instant lastMoved() {
        return finishedAt != null ? finishedAt : startedAt;
    }

    /** Whether it went wrong: failed, aborted, or rolled back. */
    public boolean wentWrong() {
        return result == DeploymentResult.FAILURE || result == DeploymentResult.ABORTED || rollback;
    }

    /** The same run, known now to have put an earlier version back. */
    public Deployment asRollback() {
        return new Deployment(source, runId, application, environment, version, commitSha, pipeline, runUrl,
                startedAt, finishedAt, result, true, changeNumber);
    }
}
