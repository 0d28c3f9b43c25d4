package io.retrobridge.pipeline.azuredevops;

import static io.retrobridge.pipeline.PipelineDeliveries.AZURE_DEVOPS_SECRET;
import static io.retrobridge.pipeline.PipelineDeliveries.basic;
import static io.retrobridge.pipeline.PipelineDeliveries.json;
import static io.retrobridge.pipeline.PipelineSamples.changed;
import static io.retrobridge.pipeline.PipelineSamples.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.pipeline.PipelineDeliveries;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Azure DevOps service hook deliveries over real HTTP at /webhooks/azure-devops, with the real sample. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "retrobridge.pipeline.github.webhook-secret=" + PipelineDeliveries.GITHUB_SECRET,
    "retrobridge.pipeline.gitlab.webhook-secret=" + PipelineDeliveries.GITLAB_SECRET,
    "retrobridge.pipeline.jenkins.webhook-secret=" + PipelineDeliveries.JENKINS_SECRET,
    "retrobridge.pipeline.azure-devops.webhook-secret=" + PipelineDeliveries.AZURE_DEVOPS_SECRET})
@ActiveProfiles("test")
class AzureDevOpsWebhookTest {

    static final String SAMPLE = "azure-devops/ms.vss-release.deployment-completed-event.docs-sample.json";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    PipelineDeliveries deliver;

    @BeforeEach
    void emptyInbox() {
        deliver = new PipelineDeliveries(port, jdbc);
        deliver.emptyInbox();
    }

    @Test
    void aCompletedDeploymentIsStoredOnceUnderItsApplicationAndStage() {
        String body = text(SAMPLE);

        HttpResponse<String> response = azure(body);
        HttpResponse<String> again = azure(body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("status").asText()).isEqualTo("duplicate");
        assertThat(deliver.stored()).containsExactly(Map.of("SOURCE_SYSTEM", "AZURE_DEVOPS",
                "EVENT_KIND", "azure-devops:deployment-completed", "ENTITY_ID", "Fabrikam@dev",
                "DEDUP_KEY", "azure-devops:deployment-completed:release-1/environment-5:succeeded", "PAYLOAD", body));
    }

    @Test
    void anotherServiceHookEventIsAcknowledgedButNotStored() {
        HttpResponse<String> run = azure(text("azure-devops/ms.vss-pipelines.run-state-changed-event.docs-sample.json"));

        assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
        assertThat(json(run).path("status").asText()).isEqualTo("ignored");
        assertThat(json(run).path("reason").asText()).contains("ms.vss-pipelines.run-state-changed-event");
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void aMissingOrWrongPasswordIsRefusedAndNothingIsStored() {
        String body = text(SAMPLE);

        HttpResponse<String> none = deliver.post("/webhooks/azure-devops", body);
        HttpResponse<String> wrong = deliver.post("/webhooks/azure-devops", body, "Authorization",
                basic("azure", "not-the-azure-devops-secret"));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("error").asText()).contains("retrobridge.pipeline.azure-devops.webhook-secret")
                .doesNotContain(AZURE_DEVOPS_SECRET);
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void malformedDeliveriesAreRefusedNamingTheProblemAndNothingIsStored() {
        assertRefused("{\"eventType\": ", "The body is not valid JSON");
        assertRefused(changed(SAMPLE, root -> root.remove("eventType")), "eventType is missing");
        assertRefused(changed(SAMPLE, root -> ((ObjectNode) root.get("resource").get("environment")).remove("name")),
                "resource.environment.name is missing");
        assertThat(deliver.stored()).isEmpty();
    }

    private void assertRefused(String body, String reason) {
        HttpResponse<String> response = azure(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).startsWith(reason);
    }

    private HttpResponse<String> azure(String body) {
        return deliver.post("/webhooks/azure-devops", body, "Authorization", basic("azure-devops", AZURE_DEVOPS_SECRET));
    }
}
