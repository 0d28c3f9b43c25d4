package io.retrobridge.pipeline.jenkins;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.DeploymentReading;
import io.retrobridge.pipeline.NativeDeploymentReader;
import io.retrobridge.pipeline.Payload;
import io.retrobridge.pipeline.PipelineProperties;
import io.retrobridge.sync.InvalidWebhookException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The Jenkins Notification plugin's build reports (phase STARTED, COMPLETED, FINALIZED) read as deployments of the
 * job. The plugin is switched on per job, so every job that reports here deploys; the environment and version come
 * from the build parameters the settings name, else the default environment and the build number.
 */
@Component
public class JenkinsDeploymentReader extends NativeDeploymentReader {

    static final ExternalSystem JENKINS = ExternalSystem.valueOf("JENKINS");
    static final String BUILD = "jenkins:build";

    private final PipelineProperties settings;
    private final Pattern changeNumbers;

    JenkinsDeploymentReader(PipelineProperties settings) {
        this.settings = settings;
        this.changeNumbers = settings.changeNumbers();
    }

    @Override
    protected Set<String> kindNames() {
        return Set.of(BUILD);
    }

    @Override
    protected DeploymentReading reading(String kind, Payload payload, Instant receivedAt)
            throws InvalidWebhookException {
        String phase = payload.word("build.phase").orElseThrow(() -> payload.invalid(
                "build.phase is missing: the Notification plugin says there whether the build STARTED or ended."));
        DeploymentResult result;
        String reportedState = phase;
        switch (phase) {
            case "started" -> result = DeploymentResult.RUNNING;
            case "completed", "finalized" -> {
                String status = payload.word("build.status").orElseThrow(() -> payload.invalid(
                        "build.status is missing: a " + phase.toUpperCase(Locale.ROOT) + " build says how it ended."));
                result = switch (status) {
                    case "success" -> DeploymentResult.SUCCESS;
                    case "failure", "unstable" -> DeploymentResult.FAILURE;
                    case "aborted", "not_built" -> DeploymentResult.ABORTED;
                    default -> throw payload.invalid("build.status " + quote(status) + " is not a Jenkins result"
                            + " (SUCCESS, UNSTABLE, FAILURE, NOT_BUILT, ABORTED).");
                };
                reportedState = phase + ":" + status;
            }
            default -> {
                return new DeploymentReading.NotADeployment("A build in phase " + quote(phase) + " has not run"
                        + " yet; its STARTED, COMPLETED and FINALIZED reports are read.");
            }
        }
        String job = payload.identifier("name", "the job is the deployed application.");
        String number = payload.identifier("build.number", "the build number identifies the run.");
        // The build's address is unique on the Jenkins instance, even for jobs of one name in two folders.
        String runId = payload.text("build.url").map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElse(job + "#" + number);
        PipelineProperties.Jenkins jenkins = settings.jenkins();
        String environment = parameter(payload, jenkins.environmentParameter()).orElse(jenkins.defaultEnvironment());
        String version = parameter(payload, jenkins.versionParameter()).orElse(number);
        Optional<Instant> startedAt = payload.instant("build.timestamp");
        Instant finishedAt = null;
        if (result.finished()) {
            long duration = payload.node("build.duration").asLong(0);
            finishedAt = startedAt.isPresent() && duration > 0
                    ? startedAt.get().plus(Duration.ofMillis(duration)) : receivedAt;
        }
        Deployment deployment = new Deployment(JENKINS, runId, job, environment(environment), version,
                payload.text("build.scm.commit").orElse(null), job, payload.text("build.full_url").orElse(null),
                startedAt.orElse(result.finished() ? null : receivedAt), finishedAt, result, false,
                payload.firstMatch(changeNumbers, jenkins.changeFields()).orElse(null));
        return new DeploymentReading.Reported(deployment, reportedState);
    }

    private static Optional<String> parameter(Payload payload, String name) {
        return payload.text("build.parameters." + name);
    }
}
