package io.retrobridge.pipeline.azuredevops;

import static io.retrobridge.pipeline.PipelineSamples.changed;
import static io.retrobridge.pipeline.PipelineSamples.event;
import static io.retrobridge.pipeline.PipelineSamples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.PipelineSamples;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Azure DevOps' real release deployment completed service hook read as a deployment, field by field. */
class AzureDevOpsDeploymentReaderTest {

    static final ExternalSystem AZURE_DEVOPS = ExternalSystem.valueOf("AZURE_DEVOPS");
    static final String SAMPLE = "azure-devops/ms.vss-release.deployment-completed-event.docs-sample.json";

    final AzureDevOpsDeploymentReader reader = new AzureDevOpsDeploymentReader(PipelineSamples.defaults());

    @Test
    void aSucceededDeploymentIsAFinishedDeploymentOfTheReleaseToTheStage() throws Exception {
        Deployment expected = new Deployment(AZURE_DEVOPS, "release-1/environment-5", "Fabrikam", "dev",
                "Release-1", null, "Fabrikam", null, null, Instant.parse("2016-09-19T13:03:28.5345098Z"),
                DeploymentResult.SUCCESS, false, null);

        assertThat(read(text(SAMPLE))).contains(expected);
        assertThat(reader.notice("azure-devops:deployment-completed", PipelineSamples.bytes(SAMPLE),
                PipelineSamples.RECEIVED_AT)).isEqualTo(new WebhookNotice.Change("azure-devops:deployment-completed",
                "Fabrikam@dev", "azure-devops:deployment-completed:release-1/environment-5:succeeded"));
    }

    @Test
    void theDeploymentObjectNamesDefinitionTimesAndARedeployTriggerIsARollback() throws Exception {
        String body = changed(SAMPLE, root -> {
            ObjectNode deployment = ((ObjectNode) root.get("resource")).putObject("deployment");
            deployment.put("id", 42).put("deploymentStatus", "failed").put("reason", "redeployTrigger")
                    .put("startedOn", "2026-03-02T09:00:00Z").put("completedOn", "2026-03-02T09:05:00Z");
            deployment.putObject("releaseDefinition").put("name", "payment-gateway");
            deployment.putObject("releaseEnvironment").put("name", "Production");
            deployment.putObject("release").put("name", "4.1.3").put("description", "Back out CHG0030001");
        });

        Deployment expected = new Deployment(AZURE_DEVOPS, "deployment-42", "payment-gateway", "production",
                "4.1.3", null, "payment-gateway", null, Instant.parse("2026-03-02T09:00:00Z"),
                Instant.parse("2026-03-02T09:05:00Z"), DeploymentResult.FAILURE, true, "CHG0030001");

        assertThat(read(body)).contains(expected);
    }

    @Test
    void aCanceledOrRejectedDeploymentIsAborted() throws Exception {
        for (String status : new String[] {"canceled", "rejected"}) {
            String body = changed(SAMPLE, root -> ((ObjectNode) root.get("resource").get("environment"))
                    .put("status", status));
            assertThat(read(body).orElseThrow().result()).as(status).isEqualTo(DeploymentResult.ABORTED);
        }
    }

    @Test
    void aDeliveryWithoutARequiredFieldIsRefusedNamingIt() {
        String noStage = changed(SAMPLE, root -> ((ObjectNode) root.get("resource").get("environment"))
                .remove("name"));
        String stillRunning = changed(SAMPLE, root -> ((ObjectNode) root.get("resource").get("environment"))
                .put("status", "inProgress"));
        String noRelease = changed(SAMPLE, root -> ((ObjectNode) root.get("resource").get("environment"))
                .remove("release"));

        assertThatThrownBy(() -> read(noStage)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageStartingWith("resource.environment.name is missing");
        assertThatThrownBy(() -> read(stillRunning)).hasMessageContaining("'inprogress' is not an ending");
        assertThatThrownBy(() -> read(noRelease)).hasMessageStartingWith("resource.environment.release.name is missing");
    }

    private Optional<Deployment> read(String body) throws InvalidWebhookException {
        return reader.read(event("AZURE_DEVOPS", "azure-devops:deployment-completed", body));
    }
}
