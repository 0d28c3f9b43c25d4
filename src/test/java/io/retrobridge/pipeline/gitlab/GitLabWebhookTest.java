package io.retrobridge.pipeline.gitlab;

import static io.retrobridge.pipeline.PipelineDeliveries.GITLAB_SECRET;
import static io.retrobridge.pipeline.PipelineDeliveries.json;
import static io.retrobridge.pipeline.PipelineSamples.changed;
import static io.retrobridge.pipeline.PipelineSamples.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.pipeline.PipelineDeliveries;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** GitLab deliveries over real HTTP at /webhooks/gitlab, with the real samples and the secret token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "retrobridge.pipeline.github.webhook-secret=" + PipelineDeliveries.GITHUB_SECRET,
    "retrobridge.pipeline.gitlab.webhook-secret=" + PipelineDeliveries.GITLAB_SECRET,
    "retrobridge.pipeline.jenkins.webhook-secret=" + PipelineDeliveries.JENKINS_SECRET,
    "retrobridge.pipeline.azure-devops.webhook-secret=" + PipelineDeliveries.AZURE_DEVOPS_SECRET})
@ActiveProfiles("test")
class GitLabWebhookTest {

    static final String DEPLOYMENT = "gitlab/deployment_event.docs-example.json";

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
    void aDeploymentHookWithTheTokenIsStoredOnceUnderItsApplicationAndEnvironment() {
        String body = text(DEPLOYMENT);

        HttpResponse<String> response = gitlab("Deployment Hook", body);
        HttpResponse<String> again = gitlab("Deployment Hook", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).path("status").asText()).isEqualTo("duplicate");
        assertThat(deliver.stored()).containsExactly(Map.of("SOURCE_SYSTEM", "GITLAB",
                "EVENT_KIND", "gitlab:deployment", "ENTITY_ID", "test-deployment-webhooks@staging",
                "DEDUP_KEY", "gitlab:deployment:15:success", "PAYLOAD", body));
    }

    @Test
    void theRunningAndTheFinishedReportOfOneDeploymentAreBothStored() {
        assertThat(gitlab("Deployment Hook", changed(DEPLOYMENT, root -> root.put("status", "running")))
                .statusCode()).isEqualTo(202);
        assertThat(gitlab("Deployment Hook", text(DEPLOYMENT)).statusCode()).isEqualTo(202);

        assertThat(deliver.stored()).extracting(row -> row.get("DEDUP_KEY"))
                .containsExactly("gitlab:deployment:15:running", "gitlab:deployment:15:success");
    }

    @Test
    void aPipelineThatDeployedIsStoredAndOneThatDidNotIsAcknowledgedButNotStored() {
        HttpResponse<String> deployed = gitlab("Pipeline Hook", GitLabDeploymentReaderTest.deployedToStaging("success"));
        HttpResponse<String> built = gitlab("Pipeline Hook", text("gitlab/pipe-success.json"));
        HttpResponse<String> push = gitlab("Push Hook", "{\"object_kind\": \"push\"}");

        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
        for (HttpResponse<String> ignored : List.of(built, push)) {
            assertThat(ignored.statusCode()).as(ignored.body()).isEqualTo(202);
            assertThat(json(ignored).path("status").asText()).isEqualTo("ignored");
        }
        assertThat(json(built).path("reason").asText()).contains("Pipeline 75933");
        assertThat(deliver.stored()).extracting(row -> row.get("EVENT_KIND") + " " + row.get("ENTITY_ID") + " "
                + row.get("DEDUP_KEY")).containsExactly(
                "gitlab:pipeline gitlab-test@staging gitlab:pipeline:31/staging:staging:success");
    }

    @Test
    void aMissingOrWrongTokenIsRefusedAndNothingIsStored() {
        String body = text(DEPLOYMENT);

        HttpResponse<String> none = deliver.post("/webhooks/gitlab", body, "X-Gitlab-Event", "Deployment Hook");
        HttpResponse<String> wrong = deliver.post("/webhooks/gitlab", body, "X-Gitlab-Event", "Deployment Hook",
                "X-Gitlab-Token", "not-the-configured-token");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(json(none).path("error").asText()).startsWith("X-Gitlab-Token is missing");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("error").asText()).contains("retrobridge.pipeline.gitlab.webhook-secret")
                .doesNotContain(GITLAB_SECRET);
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void malformedDeliveriesAreRefusedNamingTheProblemAndNothingIsStored() {
        assertRefused("{\"object_kind\": \"deployment\"", "The body is not valid JSON");
        assertRefused(changed(DEPLOYMENT, root -> root.remove("deployment_id")), "deployment_id is missing");
        assertRefused(changed(DEPLOYMENT, root -> root.put("status", "exploded")), "status 'exploded' is not");
        assertThat(deliver.stored()).isEmpty();
    }

    private void assertRefused(String body, String reason) {
        HttpResponse<String> response = gitlab("Deployment Hook", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).startsWith(reason);
    }

    private HttpResponse<String> gitlab(String event, String body) {
        return deliver.post("/webhooks/gitlab", body, "X-Gitlab-Event", event, "X-Gitlab-Token", GITLAB_SECRET);
    }
}
