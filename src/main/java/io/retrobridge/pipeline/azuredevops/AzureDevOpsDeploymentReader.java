package io.retrobridge.pipeline.azuredevops;

import static io.retrobridge.sync.InvalidWebhookException.quote;

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
 * Azure DevOps' release deployment completed service hook read as a deployment of the release definition (or, where
 * the event leaves the definition out, of the project) to the stage, whose release name is the version. A
 * deployment the redeploy trigger started puts the last good release back, so it is a rollback.
 */
@Component
public class AzureDevOpsDeploymentReader extends NativeDeploymentReader {

    static final ExternalSystem AZURE_DEVOPS = ExternalSystem.valueOf("AZURE_DEVOPS");
    static final String DEPLOYMENT_COMPLETED = "azure-devops:deployment-completed";
    static final String EVENT_TYPE = "ms.vss-release.deployment-completed-event";

    private final PipelineProperties settings;
    private final Pattern changeNumbers;

    AzureDevOpsDeploymentReader(PipelineProperties settings) {
        this.settings = settings;
        this.changeNumbers = settings.changeNumbers();
    }

    @Override
    protected Set<String> kindNames() {
        return Set.of(DEPLOYMENT_COMPLETED);
    }

    @Override
    protected DeploymentReading reading(String kind, Payload payload, Instant receivedAt)
            throws InvalidWebhookException {
        String eventType = payload.required("eventType", "a service hook names its event there.");
        if (!EVENT_TYPE.equals(eventType)) {
            return new DeploymentReading.NotADeployment("RetroBridge reads only " + EVENT_TYPE + " from Azure"
                    + " DevOps; " + quote(eventType) + " can be switched off in the project's service hooks.");
        }
        String status = payload.word("resource.deployment.deploymentStatus")
                .or(() -> payload.word("resource.environment.status"))
                .orElseThrow(() -> payload.invalid("resource.deployment.deploymentStatus and"
                        + " resource.environment.status are both missing: one says how the deployment ended."));
        DeploymentResult result = switch (status) {
            case "succeeded" -> DeploymentResult.SUCCESS;
            // Partly succeeded: a task failed that was allowed to; what was deployed is not what was meant.
            case "failed", "partiallysucceeded" -> DeploymentResult.FAILURE;
            case "canceled", "rejected", "notdeployed" -> DeploymentResult.ABORTED;
            default -> throw payload.invalid("the deployment status " + quote(status) + " is not an ending Azure"
                    + " DevOps status (succeeded, partiallySucceeded, failed, canceled, rejected, notDeployed).");
        };
        String environment = payload.text("resource.deployment.releaseEnvironment.name")
                .or(() -> payload.text("resource.environment.name"))
                .orElseThrow(() -> payload.invalid("resource.environment.name is missing: it names the stage the"
                        + " release was deployed to."));
        String release = payload.text("resource.deployment.release.name")
                .or(() -> payload.text("resource.environment.release.name"))
                .orElseThrow(() -> payload.invalid("resource.environment.release.name is missing: the release's"
                        + " name is the deployed version."));
        String application = payload.text("resource.deployment.releaseDefinition.name")
                .or(() -> payload.text("resource.environment.releaseDefinition.name"))
                .or(() -> payload.text("resource.project.name"))
                .orElseThrow(() -> payload.invalid("resource.deployment.releaseDefinition.name and"
                        + " resource.project.name are both missing: they name the deployed application."));
        Instant finishedAt = payload.instant("resource.deployment.completedOn")
                .or(() -> instant(payload, "createdDate"))
                .orElseThrow(() -> payload.invalid("resource.deployment.completedOn and createdDate are both"
                        + " missing: they say when the deployment ended."));
        Instant startedAt = payload.instant("resource.deployment.startedOn").orElse(null);
        boolean rollback = payload.word("resource.deployment.reason").filter("redeploytrigger"::equals).isPresent();
        Deployment deployment = new Deployment(AZURE_DEVOPS, runId(payload), application, environment(environment),
                release, null, application, payload.text("resource.deployment.release._links.web.href").orElse(null),
                startedAt, finishedAt, result, rollback,
                payload.firstMatch(changeNumbers, settings.azureDevops().changeFields()).orElse(null));
        return new DeploymentReading.Reported(deployment, status);
    }

    // One deployment of one release to one stage; a redeploy of the same release is another attempt, so another run.
    private static String runId(Payload payload) throws InvalidWebhookException {
        Optional<String> deploymentId = payload.text("resource.deployment.id");
        if (deploymentId.isPresent()) {
            return "deployment-" + deploymentId.get();
        }
        String releaseId = payload.text("resource.environment.release.id").orElseThrow(() -> payload.invalid(
                "resource.deployment.id and resource.environment.release.id are both missing: they identify the"
                        + " deployment."));
        String stageId = payload.identifier("resource.environment.id", "it tells the release's stages apart.");
        return "release-" + releaseId + "/environment-" + stageId;
    }

    private static Optional<Instant> instant(Payload payload, String path) {
        try {
            return payload.instant(path);
        } catch (InvalidWebhookException e) {
            return Optional.empty();
        }
    }
}
