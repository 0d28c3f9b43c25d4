package io.retrobridge.pipeline.gitlab;

import static io.retrobridge.sync.InvalidWebhookException.quote;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.DeploymentReading;
import io.retrobridge.pipeline.NativeDeploymentReader;
import io.retrobridge.pipeline.Payload;
import io.retrobridge.pipeline.PipelineProperties;
import io.retrobridge.sync.InvalidWebhookException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * GitLab's {@code Deployment Hook} (one per status of a deployment to an environment) and {@code Pipeline Hook}
 * (a pipeline whose job deploys to an environment) read as deployments of the project.
 */
@Component
public class GitLabDeploymentReader extends NativeDeploymentReader {

    static final ExternalSystem GITLAB = ExternalSystem.valueOf("GITLAB");
    static final String DEPLOYMENT = "gitlab:deployment";
    static final String PIPELINE = "gitlab:pipeline";

    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Set<String> RAN = Set.of("running", "success", "failed", "canceled");

    private final PipelineProperties settings;
    private final Pattern versions;
    private final Pattern changeNumbers;

    GitLabDeploymentReader(PipelineProperties settings) {
        this.settings = settings;
        this.versions = settings.versions();
        this.changeNumbers = settings.changeNumbers();
    }

    @Override
    protected Set<String> kindNames() {
        return Set.of(DEPLOYMENT, PIPELINE);
    }

    @Override
    protected DeploymentReading reading(String kind, Payload payload, Instant receivedAt)
            throws InvalidWebhookException {
        return DEPLOYMENT.equals(kind) ? deployment(payload) : pipeline(payload, receivedAt);
    }

    private DeploymentReading deployment(Payload payload) throws InvalidWebhookException {
        String status = payload.word("status").orElseThrow(() -> payload.invalid(
                "status is missing: a Deployment Hook says how the deployment stands (e.g. success)."));
        DeploymentResult result = result(status, "status", payload);
        if (result == null) {
            return new DeploymentReading.NotADeployment("A deployment that is " + status + " has not run yet;"
                    + " its running and finished reports are read.");
        }
        String runId = payload.identifier("deployment_id", "the deployment's id identifies the run.");
        String environment = payload.identifier("environment", "it names where the deployment went.");
        Instant changedAt = payload.instant("status_changed_at").orElseThrow(() -> payload.invalid(
                "status_changed_at is missing: it says when the deployment reached its status."));
        String sha = payload.text("commit_url").map(url -> url.substring(url.lastIndexOf('/') + 1))
                .filter(last -> FULL_SHA.matcher(last).matches()).or(() -> payload.text("short_sha"))
                .orElseThrow(() -> payload.invalid("commit_url and short_sha are both missing: they name the"
                        + " deployed commit."));
        String version = payload.text("ref").filter(ref -> versions.matcher(ref).matches()).orElse(sha);
        Deployment deployment = new Deployment(GITLAB, runId, application(payload), environment(environment),
                version, sha, null, payload.text("deployable_url").orElse(null),
                result.finished() ? null : changedAt, result.finished() ? changedAt : null, result, false,
                change(payload));
        return new DeploymentReading.Reported(deployment, status);
    }

    private DeploymentReading pipeline(Payload payload, Instant receivedAt) throws InvalidWebhookException {
        String pipelineId = payload.identifier("object_attributes.id", "the pipeline's id identifies the run.");
        Optional<JsonNode> job = deployingJob(payload);
        if (job.isEmpty()) {
            return new DeploymentReading.NotADeployment("Pipeline " + pipelineId + " has no running or finished"
                    + " job that deploys to an environment (environment: with action start). The Deployment Hook"
                    + " reports deployments themselves.");
        }
        JsonNode build = job.get();
        String status = build.path("status").asText().toLowerCase(Locale.ROOT);
        DeploymentResult result = result(status, "builds[].status", payload);
        String environment = build.path("environment").path("name").asText("");
        if (environment.isBlank()) {
            throw payload.invalid("builds[].environment.name is missing in job " + quote(build.path("name")
                    .asText("?")) + ": it names where the pipeline deploys.");
        }
        String sha = payload.identifier("object_attributes.sha", "the commit the pipeline deployed.");
        String ref = payload.text("object_attributes.ref").orElse(null);
        boolean tag = payload.node("object_attributes.tag").asBoolean(false);
        String version = ref != null && (tag || versions.matcher(ref).matches()) ? ref : sha;
        Instant startedAt = time(build, "started_at", payload).or(() -> instant(payload, "object_attributes.created_at"))
                .orElse(receivedAt);
        Instant finishedAt = null;
        if (result.finished()) {
            finishedAt = time(build, "finished_at", payload)
                    .or(() -> instant(payload, "object_attributes.finished_at")).orElse(receivedAt);
        }
        String runUrl = payload.text("object_attributes.url").or(() -> payload.text("project.web_url")
                .map(web -> web + "/-/pipelines/" + pipelineId)).orElse(null);
        Deployment deployment = new Deployment(GITLAB, pipelineId + "/" + environment(environment),
                application(payload), environment(environment), version, sha,
                payload.text("object_attributes.name").orElse(null), runUrl, startedAt, finishedAt, result, false,
                change(payload));
        return new DeploymentReading.Reported(deployment, environment(environment) + ":" + status);
    }

    // Of the jobs that deploy and have started, the one in the latest stage: a pipeline that deploys to staging and
    // then to production is reported as the production deployment once that job runs.
    private static Optional<JsonNode> deployingJob(Payload payload) {
        List<String> stages = new ArrayList<>();
        payload.node("object_attributes.stages").forEach(stage -> stages.add(stage.asText()));
        JsonNode chosen = null;
        for (JsonNode build : payload.node("builds")) {
            JsonNode environment = build.path("environment");
            boolean deploys = environment.isObject() && "start".equals(environment.path("action").asText("start"));
            if (!deploys || !RAN.contains(build.path("status").asText().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (chosen == null || stages.indexOf(build.path("stage").asText()) > stages.indexOf(chosen.path("stage")
                    .asText()) || (build.path("stage").asText().equals(chosen.path("stage").asText())
                    && build.path("id").asLong() > chosen.path("id").asLong())) {
                chosen = build;
            }
        }
        return Optional.ofNullable(chosen);
    }

    private static DeploymentResult result(String status, String field, Payload payload)
            throws InvalidWebhookException {
        return switch (status) {
            case "running" -> DeploymentResult.RUNNING;
            case "success" -> DeploymentResult.SUCCESS;
            case "failed" -> DeploymentResult.FAILURE;
            case "canceled", "cancelled" -> DeploymentResult.ABORTED;
            case "created", "blocked", "skipped", "pending", "manual", "scheduled" -> null;
            default -> throw payload.invalid(field + " " + quote(status) + " is not a GitLab status (running,"
                    + " success, failed, canceled, created, ...).");
        };
    }

    // The project's path, its name in URLs (gitlab-test), rather than its display name (Gitlab Test).
    static String application(Payload payload) throws InvalidWebhookException {
        String path = payload.identifier("project.path_with_namespace", "the project is the deployed application.");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static Optional<Instant> time(JsonNode build, String field, Payload payload) throws InvalidWebhookException {
        String text = build.path(field).asText("");
        if (text.isBlank() || build.path(field).isNull()) {
            return Optional.empty();
        }
        return Optional.of(Payload.time(text).orElseThrow(() -> payload.invalid("builds[]." + field + " "
                + quote(text) + " is not a time (2016-08-12 15:23:28 UTC).")));
    }

    private static Optional<Instant> instant(Payload payload, String path) {
        try {
            return payload.instant(path);
        } catch (InvalidWebhookException e) {
            return Optional.empty();
        }
    }

    private String change(Payload payload) {
        return payload.firstMatch(changeNumbers, settings.gitlab().changeFields()).orElse(null);
    }

    /** A pipeline event carries its commit's time; a deployment event does not. */
    @Override
    protected Optional<Instant> commitTime(String kind, Payload payload) throws InvalidWebhookException {
        return PIPELINE.equals(kind) ? payload.instant("commit.timestamp") : Optional.empty();
    }
}
