package io.retrobridge.pipeline.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * What the inbox keeps of a {@code deployment_protection_rule} delivery for its handler: the question for the gate
 * and where the answer goes, nothing secret (the delivery's signature, tokens and the rest of the body stay out).
 * A PENDING run is asked again as a new event carrying the same request, with its status reports counted.
 *
 * @param gate            the gate asked, from the hook URL's ?gate= or the default
 * @param application     the repository's name, as GitHub's deployments are recorded under
 * @param environment     the environment as GitHub names it (sent back as environment_name)
 * @param version         the deployment's ref when it is a version, else its sha
 * @param changeNumber    a change number found in the deployment's payload, or null
 * @param repository      owner/name
 * @param repositoryId    GitHub's id of the repository, or null
 * @param runId           the workflow run waiting, from the callback URL
 * @param deploymentId    GitHub's id of the deployment
 * @param callbackUrl     deployment_callback_url as GitHub sent it
 * @param installationId  the App's installation that may review the run
 * @param deliveryId      X-GitHub-Delivery of the first delivery, or null
 * @param requester       who started the deployment (sender.login), or null
 * @param firstReceivedAt when GitHub first asked
 * @param statusReports   how many status reports were posted for this deployment (GitHub takes 10)
 */
record GitHubGateRequest(String gate, String application, String environment, String version, String sha,
                         String ref, String changeNumber, String repository, Long repositoryId, String runId,
                         String deploymentId, String callbackUrl, long installationId, String deliveryId,
                         String requester, Instant firstReceivedAt, int statusReports) {

    private static final ObjectMapper JSON = new ObjectMapper();

    GitHubGateRequest {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Objects.requireNonNull(firstReceivedAt, "firstReceivedAt");
    }

    /**
     * The gate's request key: one decision per run, environment and deployment, however often GitHub or we ask. A
     * re-run of the run's jobs deploys anew (a new deployment id), so it is a new question, decided afresh.
     */
    String requestKey() {
        return "github:" + repository + ":" + runId + ":" + environment + ":" + deploymentId;
    }

    /** The inbox entity: every event about one waiting run is handled in order. */
    String entityId() {
        return repository + "/actions/runs/" + runId;
    }

    GitHubGateRequest withStatusReport() {
        return new GitHubGateRequest(gate, application, environment, version, sha, ref, changeNumber, repository,
                repositoryId, runId, deploymentId, callbackUrl, installationId, deliveryId, requester, firstReceivedAt,
                statusReports + 1);
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode().put("gate", gate).put("application", application)
                .put("environment", environment).put("version", version).put("sha", sha).put("ref", ref)
                .put("changeNumber", changeNumber).put("repository", repository).put("repositoryId", repositoryId)
                .put("runId", runId).put("deploymentId", deploymentId).put("callbackUrl", callbackUrl)
                .put("installationId", installationId).put("deliveryId", deliveryId).put("requester", requester)
                .put("firstReceivedAt", firstReceivedAt.toString()).put("statusReports", statusReports);
        return node.toString();
    }

    /** @throws IllegalArgumentException when the text is not a request this class wrote */
    static GitHubGateRequest fromJson(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            return new GitHubGateRequest(text(node, "gate"), text(node, "application"), text(node, "environment"),
                    text(node, "version"), text(node, "sha"), text(node, "ref"), text(node, "changeNumber"),
                    text(node, "repository"), node.hasNonNull("repositoryId") ? node.get("repositoryId").asLong() : null,
                    text(node, "runId"), text(node, "deploymentId"), text(node, "callbackUrl"),
                    node.path("installationId").asLong(), text(node, "deliveryId"), text(node, "requester"),
                    Instant.parse(node.path("firstReceivedAt").asText()), node.path("statusReports").asInt(0));
        } catch (NullPointerException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a field is missing: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
