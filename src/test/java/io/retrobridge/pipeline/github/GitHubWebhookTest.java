package io.retrobridge.pipeline.github;

import static io.retrobridge.pipeline.PipelineDeliveries.GITHUB_SECRET;
import static io.retrobridge.pipeline.PipelineDeliveries.hmac;
import static io.retrobridge.pipeline.PipelineDeliveries.json;
import static io.retrobridge.pipeline.PipelineSamples.changed;
import static io.retrobridge.pipeline.PipelineSamples.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.pipeline.PipelineDeliveries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** GitHub deliveries over real HTTP at /webhooks/github, with the real samples, signed as GitHub signs them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "retrobridge.pipeline.github.webhook-secret=" + PipelineDeliveries.GITHUB_SECRET,
    "retrobridge.pipeline.gitlab.webhook-secret=" + PipelineDeliveries.GITLAB_SECRET,
    "retrobridge.pipeline.jenkins.webhook-secret=" + PipelineDeliveries.JENKINS_SECRET,
    "retrobridge.pipeline.azure-devops.webhook-secret=" + PipelineDeliveries.AZURE_DEVOPS_SECRET})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class GitHubWebhookTest {

    static final String STATUS = "github/deployment_status.payload.json";

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
    void aSignedDeploymentStatusIsStoredOnceUnderItsApplicationAndEnvironment() {
        String body = text(STATUS);

        HttpResponse<String> response = github("deployment_status", body);
        HttpResponse<String> again = github("deployment_status", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response).path("status").asText()).isEqualTo("accepted");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("status").asText()).isEqualTo("duplicate");
        assertThat(deliver.stored()).containsExactly(Map.of("SOURCE_SYSTEM", "GITHUB",
                "EVENT_KIND", "github:deployment_status", "ENTITY_ID", "Hello-World@production",
                "DEDUP_KEY", "github:deployment_status:145988746:success", "PAYLOAD", body));
    }

    @Test
    void theStartedAndTheFinishedReportOfOneDeploymentAreBothStored() {
        String inProgress = changed(STATUS, root -> ((ObjectNode) root.get("deployment_status"))
                .put("state", "in_progress"));

        assertThat(github("deployment_status", inProgress).statusCode()).isEqualTo(202);
        assertThat(github("deployment_status", text(STATUS)).statusCode()).isEqualTo(202);

        assertThat(deliver.stored()).extracting(row -> row.get("DEDUP_KEY")).containsExactly(
                "github:deployment_status:145988746:in_progress", "github:deployment_status:145988746:success");
    }

    @Test
    void aRunOfADeployingWorkflowIsStoredAndOtherRunsAndEventsAreAcknowledgedButNotStored() {
        String deploying = changed("github/workflow_run.completed.success.payload.json",
                root -> ((ObjectNode) root.get("workflow_run")).put("name", "Deploy production"));

        HttpResponse<String> deploy = github("workflow_run", deploying);
        HttpResponse<String> test = github("workflow_run", text("github/workflow_run.completed.success.payload.json"));
        HttpResponse<String> ping = github("ping", "{\"zen\": \"Design for failure.\", \"hook_id\": 1}");
        HttpResponse<String> job = github("workflow_job", text("github/workflow_job.completed.success.payload.json"));

        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(202);
        for (HttpResponse<String> ignored : List.of(test, ping, job)) {
            assertThat(ignored.statusCode()).as(ignored.body()).isEqualTo(202);
            assertThat(json(ignored).path("status").asText()).isEqualTo("ignored");
        }
        assertThat(json(test).path("reason").asText()).contains("retrobridge.pipeline.github.deploy-workflows");
        assertThat(json(ping).path("reason").asText()).contains("'ping'");
        assertThat(deliver.stored()).extracting(row -> row.get("EVENT_KIND") + " " + row.get("ENTITY_ID") + " "
                + row.get("DEDUP_KEY")).containsExactly(
                "github:workflow_run octo-repo@production github:workflow_run:289782451/1:completed:success");
    }

    @Test
    void unsignedOrWronglySignedDeliveriesAreRefusedAndNothingIsStored(CapturedOutput output) {
        String body = text(STATUS);

        HttpResponse<String> unsigned = deliver.post("/webhooks/github", body, "X-GitHub-Event", "deployment_status");
        HttpResponse<String> forged = deliver.post("/webhooks/github", body, "X-GitHub-Event", "deployment_status",
                "X-Hub-Signature-256", hmac(body, "some-other-secret-value"));
        HttpResponse<String> tampered = deliver.post("/webhooks/github", body.replace("Hello-World", "Hello-Word"),
                "X-GitHub-Event", "deployment_status", "X-Hub-Signature-256", hmac(body, GITHUB_SECRET));

        for (HttpResponse<String> refused : List.of(unsigned, forged, tampered)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).path("error").asText()).contains("X-Hub-Signature-256");
        }
        assertThat(json(forged).path("error").asText()).contains("retrobridge.pipeline.github.webhook-secret");
        assertThat(deliver.stored()).isEmpty();
        assertThat(output.getAll()).doesNotContain(GITHUB_SECRET);
    }

    @Test
    void malformedDeliveriesAreRefusedNamingTheProblemAndNothingIsStored() {
        String noEnvironment = changed(STATUS, root -> {
            ((ObjectNode) root.get("deployment_status")).remove("environment");
            ((ObjectNode) root.get("deployment")).remove("environment");
        });
        String noState = changed(STATUS, root -> ((ObjectNode) root.get("deployment_status")).remove("state"));

        assertRefused("deployment_status", "{\"deployment\": ", "The body is not valid JSON");
        assertRefused("deployment_status", noEnvironment, "deployment_status.environment and"
                + " deployment.environment are both missing");
        assertRefused("deployment_status", noState, "deployment_status.state is missing");
        HttpResponse<String> noEvent = deliver.post("/webhooks/github", text(STATUS),
                "X-Hub-Signature-256", hmac(text(STATUS), GITHUB_SECRET));
        assertThat(noEvent.statusCode()).isEqualTo(400);
        assertThat(json(noEvent).path("error").asText()).startsWith("X-GitHub-Event is missing");
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void theAdminSettingsViewShowsWhichEndpointsAreOnWithoutTheirSecrets() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/api/admin/settings"))
                .header("X-API-Key", "test-admin-key-0123456789").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("pipeline").path("github").path("webhookSecret").asText()).isEqualTo("****");
        assertThat(json(response).path("pipeline").path("github").path("deployWorkflows").asText())
                .isEqualTo(".*deploy.*");
        assertThat(response.body()).doesNotContain(GITHUB_SECRET).doesNotContain(PipelineDeliveries.GITLAB_SECRET)
                .doesNotContain(PipelineDeliveries.JENKINS_SECRET).doesNotContain(PipelineDeliveries.AZURE_DEVOPS_SECRET);
    }

    private void assertRefused(String event, String body, String reason) {
        HttpResponse<String> response = github(event, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).startsWith(reason);
    }

    private HttpResponse<String> github(String event, String body) {
        return deliver.post("/webhooks/github", body, "X-GitHub-Event", event,
                "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                "X-Hub-Signature-256", hmac(body, GITHUB_SECRET));
    }
}
