package io.retrobridge.pipeline.github;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.DeploymentReading;
import io.retrobridge.pipeline.NativeDeploymentReader;
import io.retrobridge.pipeline.Payload;
import io.retrobridge.pipeline.PipelineProperties;
import io.retrobridge.sync.InvalidWebhookException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * GitHub's {@code deployment_status} (one per status a deployment reaches) and {@code workflow_run} (a run of a
 * workflow the settings name as deploying) read as deployments of the repository.
 */
@Component
public class GitHubDeploymentReader extends NativeDeploymentReader {

    static final ExternalSystem GITHUB = ExternalSystem.valueOf("GITHUB");
    static final String DEPLOYMENT_STATUS = "github:deployment_status";
    static final String WORKFLOW_RUN = "github:workflow_run";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PipelineProperties settings;
    private final Pattern versions;
    private final Pattern changeNumbers;
    private final Pattern deployWorkflows;

    GitHubDeploymentReader(PipelineProperties settings) {
        this.settings = settings;
        this.versions = settings.versions();
        this.changeNumbers = settings.changeNumbers();
        this.deployWorkflows = Pattern.compile(settings.github().deployWorkflows(), Pattern.CASE_INSENSITIVE);
    }

    @Override
    protected Set<String> kindNames() {
        return Set.of(DEPLOYMENT_STATUS, WORKFLOW_RUN);
    }

    @Override
    protected DeploymentReading reading(String kind, Payload payload, Instant receivedAt)
            throws InvalidWebhookException {
        return DEPLOYMENT_STATUS.equals(kind) ? deploymentStatus(payload) : workflowRun(payload);
    }

    private DeploymentReading deploymentStatus(Payload payload) throws InvalidWebhookException {
        String state = payload.word("deployment_status.state").orElseThrow(() -> payload.invalid(
                "deployment_status.state is missing: it says how the deployment stands (e.g. success)."));
        DeploymentResult result = switch (state) {
            case "pending", "queued", "in_progress" -> DeploymentResult.RUNNING;
            case "success" -> DeploymentResult.SUCCESS;
            case "failure", "error" -> DeploymentResult.FAILURE;
            case "inactive" -> null;
            default -> throw payload.invalid("deployment_status.state " + quote(state) + " is not a GitHub"
                    + " deployment state (pending, queued, in_progress, success, failure, error, inactive).");
        };
        if (result == null) {
            return new DeploymentReading.NotADeployment("An inactive deployment status only marks an earlier"
                    + " deployment as replaced; it reports no run.");
        }
        String runId = payload.identifier("deployment.id", "the deployment the status belongs to is its run.");
        String application = application(payload);
        String environment = payload.text("deployment_status.environment")
                .or(() -> payload.text("deployment.environment"))
                .orElseThrow(() -> payload.invalid("deployment_status.environment and deployment.environment are"
                        + " both missing: one of them names where the deployment went."));
        String sha = payload.text("deployment.sha").orElse(null);
        String version = deployedVersion(payload).orElseThrow(() -> payload.invalid("deployment.sha is missing and"
                + " deployment.ref is no version: one of them names what was deployed."));
        Instant statusAt = payload.instant("deployment_status.created_at").orElse(null);
        Instant startedAt = payload.instant("deployment.created_at").orElse(statusAt);
        if (startedAt == null) {
            throw payload.invalid("deployment.created_at and deployment_status.created_at are both missing:"
                    + " they say when the deployment ran.");
        }
        Instant finishedAt = result.finished() ? Optional.ofNullable(statusAt).orElse(startedAt) : null;
        String pipeline = payload.text("workflow.name").or(() -> payload.text("deployment.task")).orElse(null);
        String runUrl = payload.text("deployment_status.log_url").or(() -> payload.text("deployment_status.target_url"))
                .or(() -> payload.text("workflow_run.html_url")).orElse(null);
        Deployment deployment = new Deployment(GITHUB, runId, application, environment(environment), version, sha,
                pipeline, runUrl, startedAt, finishedAt, result, rollback(payload.node("deployment.payload")),
                change(payload));
        return new DeploymentReading.Reported(deployment, state);
    }

    /** The application a delivery about a deployment is about: its repository's name. */
    static String application(Payload payload) throws InvalidWebhookException {
        return payload.identifier("repository.name", "the repository is the deployed application.");
    }

    /** What a deployment released: its ref when that is a version, else its sha. */
    Optional<String> deployedVersion(Payload payload) {
        return payload.text("deployment.ref").filter(ref -> versions.matcher(ref).matches())
                .or(() -> payload.text("deployment.sha"));
    }

    /** A change number in the delivery's fields that name one (retrobridge.pipeline.github.change-fields). */
    Optional<String> changeNumber(Payload payload) {
        return Optional.ofNullable(change(payload));
    }

    private DeploymentReading workflowRun(Payload payload) throws InvalidWebhookException {
        String action = payload.word("action").orElseThrow(() -> payload.invalid(
                "action is missing: a workflow_run delivery says whether the run was requested, is in progress"
                        + " or completed."));
        String workflow = payload.text("workflow_run.name").or(() -> payload.text("workflow.name"))
                .orElseThrow(() -> payload.invalid("workflow_run.name and workflow.name are both missing: the"
                        + " workflow's name says whether its runs deploy."));
        if (!deployWorkflows.matcher(workflow).matches()) {
            return new DeploymentReading.NotADeployment("Workflow " + quote(workflow) + " does not deploy:"
                    + " retrobridge.pipeline.github.deploy-workflows is " + quote(deployWorkflows.pattern())
                    + ". Name the deploying workflows there, or stop sending workflow_run for this repository.");
        }
        DeploymentResult result;
        String reportedState = action;
        switch (action) {
            case "requested", "in_progress" -> result = DeploymentResult.RUNNING;
            case "completed" -> {
                String conclusion = payload.word("workflow_run.conclusion").orElseThrow(() -> payload.invalid(
                        "workflow_run.conclusion is missing: a completed run says how it ended."));
                result = conclusion(conclusion, payload);
                if (result == null) {
                    return new DeploymentReading.NotADeployment("Workflow " + quote(workflow) + " ended "
                            + conclusion + ": it deployed nothing.");
                }
                reportedState = action + ":" + conclusion;
            }
            default -> {
                return new DeploymentReading.NotADeployment("A workflow_run " + quote(action)
                        + " delivery reports no run of a deployment (requested, in_progress and completed do).");
            }
        }
        String runId = payload.identifier("workflow_run.id", "the run's id identifies the deployment.")
                + "/" + payload.text("workflow_run.run_attempt").orElse("1");
        String application = payload.identifier("repository.name", "the repository is the deployed application.");
        String sha = payload.identifier("workflow_run.head_sha", "the commit the run deployed.");
        String version = payload.text("workflow_run.head_branch").filter(ref -> versions.matcher(ref).matches())
                .orElse(sha);
        Instant startedAt = payload.instant("workflow_run.run_started_at")
                .or(() -> instant(payload, "workflow_run.created_at"))
                .orElseThrow(() -> payload.invalid("workflow_run.run_started_at is missing: it says when the"
                        + " deployment started."));
        Instant finishedAt = null;
        if (result.finished()) {
            finishedAt = payload.instant("workflow_run.updated_at").orElseThrow(() -> payload.invalid(
                    "workflow_run.updated_at is missing: a completed run says when it ended there."));
        }
        String environment = settings.github().workflowEnvironments().getOrDefault(workflow,
                settings.github().defaultEnvironment());
        Deployment deployment = new Deployment(GITHUB, runId, application, environment(environment), version, sha,
                workflow, payload.text("workflow_run.html_url").orElse(null), startedAt, finishedAt, result, false,
                change(payload));
        return new DeploymentReading.Reported(deployment, reportedState);
    }

    // success counts; a run that was skipped, neutral or waits for approval deployed nothing.
    private static DeploymentResult conclusion(String conclusion, Payload payload) throws InvalidWebhookException {
        return switch (conclusion) {
            case "success" -> DeploymentResult.SUCCESS;
            case "failure", "timed_out", "startup_failure" -> DeploymentResult.FAILURE;
            case "cancelled", "stale" -> DeploymentResult.ABORTED;
            case "skipped", "neutral", "action_required" -> null;
            default -> throw payload.invalid("workflow_run.conclusion " + quote(conclusion) + " is not a GitHub"
                    + " conclusion (success, failure, cancelled, timed_out, skipped, ...).");
        };
    }

    private static Optional<Instant> instant(Payload payload, String path) {
        try {
            return payload.instant(path);
        } catch (InvalidWebhookException e) {
            return Optional.empty();
        }
    }

    // The deployment's payload is whatever its creator gave: an object, or JSON in a string.
    private static boolean rollback(JsonNode deploymentPayload) {
        JsonNode payload = deploymentPayload;
        if (payload.isTextual()) {
            try {
                payload = JSON.readTree(payload.asText());
            } catch (JsonProcessingException notJson) {
                return false;
            }
        }
        return payload != null && payload.path("rollback").asBoolean(false);
    }

    private String change(Payload payload) {
        return payload.firstMatch(changeNumbers, settings.github().changeFields()).orElse(null);
    }

    /** A workflow run carries its head commit's time; a deployment event does not. */
    @Override
    protected Optional<Instant> commitTime(String kind, Payload payload) throws InvalidWebhookException {
        return WORKFLOW_RUN.equals(kind) ? payload.instant("workflow_run.head_commit.timestamp") : Optional.empty();
    }
}
