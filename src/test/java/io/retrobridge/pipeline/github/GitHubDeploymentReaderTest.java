package io.retrobridge.pipeline.github;

import static io.retrobridge.pipeline.PipelineSamples.changed;
import static io.retrobridge.pipeline.PipelineSamples.event;
import static io.retrobridge.pipeline.PipelineSamples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.pipeline.PipelineProperties;
import io.retrobridge.pipeline.PipelineSamples;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.WebhookNotice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GitHub's real deployment_status and workflow_run deliveries read as deployments, field by field. */
class GitHubDeploymentReaderTest {

    static final ExternalSystem GITHUB = ExternalSystem.valueOf("GITHUB");
    static final String SHA = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
    static final String RUN_SHA = "3484a3fb816e0859fd6e1cea078d76385ff50625";
    static final String RUN_URL = "https://github.com/octo-org/octo-repo/actions/runs/289782451";

    final GitHubDeploymentReader reader = new GitHubDeploymentReader(PipelineSamples.defaults());

    /** The samples' workflow is named "test": here it is named as the deploying one, to staging. */
    final GitHubDeploymentReader testDeploys = new GitHubDeploymentReader(new PipelineProperties(null, null,
            new PipelineProperties.GitHub(null, "test", Map.of("test", "Staging"), null, null), null, null, null));

    @Test
    void aSuccessfulDeploymentStatusIsAFinishedDeploymentOfTheRepository() throws Exception {
        Deployment expected = new Deployment(GITHUB, "145988746", "Hello-World", "production", SHA, SHA, "deploy",
                null, Instant.parse("2019-05-15T15:20:53Z"), Instant.parse("2019-05-15T15:20:55Z"),
                DeploymentResult.SUCCESS, false, null);

        for (String sample : new String[] {"deployment_status.payload.json",
                "deployment_status.with-installation.payload.json"}) {
            assertThat(read("github:deployment_status", text("github/" + sample))).as(sample).contains(expected);
        }
    }

    @Test
    void aDeploymentStatusCarriesTheTagRefTheRollbackFlagAndTheChangeFromTheDeployment() throws Exception {
        String body = changed("github/deployment_status.payload.json", root -> {
            ObjectNode deployment = (ObjectNode) root.get("deployment");
            deployment.put("ref", "v4.2.1");
            deployment.put("description", "Roll back payment-gateway under CHG0030042");
            deployment.putObject("payload").put("rollback", true);
            ((ObjectNode) root.get("deployment_status")).put("state", "failure")
                    .put("log_url", "https://github.com/Codertocat/Hello-World/actions/runs/7");
        });

        Deployment deployment = read("github:deployment_status", body).orElseThrow();

        assertThat(deployment.version()).isEqualTo("v4.2.1");
        assertThat(deployment.commitSha()).isEqualTo(SHA);
        assertThat(deployment.rollback()).isTrue();
        assertThat(deployment.changeNumber()).isEqualTo("CHG0030042");
        assertThat(deployment.result()).isEqualTo(DeploymentResult.FAILURE);
        assertThat(deployment.runUrl()).isEqualTo("https://github.com/Codertocat/Hello-World/actions/runs/7");
    }

    @Test
    void aPendingStatusIsARunningDeploymentAndAnInactiveOneReportsNone() throws Exception {
        String pending = changed("github/deployment_status.payload.json",
                root -> ((ObjectNode) root.get("deployment_status")).put("state", "in_progress"));
        String inactive = changed("github/deployment_status.payload.json",
                root -> ((ObjectNode) root.get("deployment_status")).put("state", "inactive"));

        Deployment running = read("github:deployment_status", pending).orElseThrow();

        assertThat(running.result()).isEqualTo(DeploymentResult.RUNNING);
        assertThat(running.startedAt()).isEqualTo(Instant.parse("2019-05-15T15:20:53Z"));
        assertThat(running.finishedAt()).isNull();
        assertThat(read("github:deployment_status", inactive)).isEmpty();
    }

    @Test
    void aCompletedRunOfADeployingWorkflowIsADeploymentToItsEnvironment() throws Exception {
        Deployment expected = new Deployment(GITHUB, "289782451/1", "octo-repo", "staging", RUN_SHA, RUN_SHA,
                "test", RUN_URL, Instant.parse("2020-10-05T16:33:49Z"), Instant.parse("2020-10-05T16:33:49Z"),
                DeploymentResult.SUCCESS, false, null);

        for (String sample : new String[] {"workflow_run.completed.success.payload.json",
                "workflow_run.completed.with-pull-requests.payload.json"}) {
            assertThat(testDeploys.read(event("GITHUB", "github:workflow_run", text("github/" + sample))))
                    .as(sample).contains(expected);
        }
    }

    @Test
    void aRequestedRunIsARunningDeployment() throws Exception {
        Deployment expected = new Deployment(GITHUB, "289782451/1", "octo-repo", "staging", RUN_SHA, RUN_SHA,
                "test", RUN_URL, Instant.parse("2020-10-05T16:33:49Z"), null, DeploymentResult.RUNNING, false, null);

        assertThat(testDeploys.read(event("GITHUB", "github:workflow_run",
                text("github/workflow_run.requested.payload.json")))).contains(expected);
    }

    @Test
    void aFailedOrCancelledRunIsAFailureOrAnAbortAndAVersionBranchIsTheVersion() throws Exception {
        for (Map.Entry<String, DeploymentResult> conclusion : Map.of("failure", DeploymentResult.FAILURE,
                "timed_out", DeploymentResult.FAILURE, "cancelled", DeploymentResult.ABORTED).entrySet()) {
            String body = changed("github/workflow_run.completed.success.payload.json", root -> {
                ObjectNode run = (ObjectNode) root.get("workflow_run");
                run.put("conclusion", conclusion.getKey()).put("name", "Deploy payment-gateway")
                        .put("head_branch", "4.2.0").put("display_title", "Release 4.2.0 (CHG0030001)")
                        .put("run_attempt", 2);
            });

            Deployment deployment = reader.read(event("GITHUB", "github:workflow_run", body)).orElseThrow();

            assertThat(deployment.result()).as(conclusion.getKey()).isEqualTo(conclusion.getValue());
            assertThat(deployment.environment()).isEqualTo("production");
            assertThat(deployment.version()).isEqualTo("4.2.0");
            assertThat(deployment.runId()).isEqualTo("289782451/2");
            assertThat(deployment.pipeline()).isEqualTo("Deploy payment-gateway");
            assertThat(deployment.changeNumber()).isEqualTo("CHG0030001");
        }
    }

    @Test
    void aRunOfAWorkflowThatDoesNotDeployIsIgnoredWithTheSettingToChange() throws Exception {
        WebhookNotice notice = reader.notice("github:workflow_run",
                PipelineSamples.bytes("github/workflow_run.completed.success.payload.json"), PipelineSamples.RECEIVED_AT);

        assertThat(notice).isInstanceOf(WebhookNotice.Ignored.class);
        assertThat(((WebhookNotice.Ignored) notice).reason()).contains("'test'")
                .contains("retrobridge.pipeline.github.deploy-workflows");
        assertThat(reader.read(event("GITHUB", "github:workflow_run",
                text("github/workflow_run.completed.success.payload.json")))).isEmpty();
    }

    @Test
    void theNoticeIsKeyedByApplicationAndEnvironmentAndByRunAndState() throws Exception {
        WebhookNotice notice = reader.notice("github:deployment_status",
                PipelineSamples.bytes("github/deployment_status.payload.json"), PipelineSamples.RECEIVED_AT);

        assertThat(notice).isEqualTo(new WebhookNotice.Change("github:deployment_status", "Hello-World@production",
                "github:deployment_status:145988746:success"));
        assertThat(reader.kinds()).containsExactlyInAnyOrder(HandledKind.named("github:deployment_status"),
                HandledKind.named("github:workflow_run"));
    }

    @Test
    void aDeliveryWithoutARequiredFieldIsRefusedNamingIt() {
        String noState = changed("github/deployment_status.payload.json",
                root -> ((ObjectNode) root.get("deployment_status")).remove("state"));
        String noRepository = changed("github/deployment_status.payload.json", root -> root.remove("repository"));
        String oddConclusion = changed("github/workflow_run.completed.success.payload.json",
                root -> ((ObjectNode) root.get("workflow_run")).put("conclusion", "exploded"));

        assertThatThrownBy(() -> read("github:deployment_status", noState))
                .isInstanceOf(InvalidWebhookException.class).hasMessageStartingWith("deployment_status.state is missing");
        assertThatThrownBy(() -> read("github:deployment_status", noRepository))
                .hasMessageStartingWith("repository.name is missing");
        assertThatThrownBy(() -> testDeploys.read(event("GITHUB", "github:workflow_run", oddConclusion)))
                .hasMessageContaining("workflow_run.conclusion 'exploded'");
        assertThatThrownBy(() -> reader.notice("github:deployment_status",
                "{\"deployment\": ".getBytes(StandardCharsets.UTF_8), PipelineSamples.RECEIVED_AT))
                .hasMessageStartingWith("The body is not valid JSON");
    }

    private Optional<Deployment> read(String kind, String body) throws InvalidWebhookException {
        return reader.read(event("GITHUB", kind, body));
    }
}
