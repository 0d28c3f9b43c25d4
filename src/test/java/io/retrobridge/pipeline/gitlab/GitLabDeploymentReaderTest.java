package io.retrobridge.pipeline.gitlab;

import static io.retrobridge.pipeline.PipelineSamples.changed;
import static io.retrobridge.pipeline.PipelineSamples.event;
import static io.retrobridge.pipeline.PipelineSamples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
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

/** GitLab's real Deployment Hook and Pipeline Hook deliveries read as deployments, field by field. */
class GitLabDeploymentReaderTest {

    static final ExternalSystem GITLAB = ExternalSystem.valueOf("GITLAB");
    static final String SHA = "279484c09fbe69ededfced8c1bb6e6d24616b468";
    static final String JOB_URL = "http://10.126.0.2:3000/root/test-deployment-webhooks/-/jobs/796";
    static final String PIPELINE_SHA = "bcbb5ec396a2c0f828686f14fac9b80b780504f2";

    final GitLabDeploymentReader reader = new GitLabDeploymentReader(PipelineSamples.defaults());

    @Test
    void aSuccessfulDeploymentHookIsAFinishedDeploymentOfTheProjectToItsEnvironment() throws Exception {
        Deployment expected = new Deployment(GITLAB, "15", "test-deployment-webhooks", "staging", SHA, SHA, null,
                JOB_URL, null, Instant.parse("2021-04-28T19:50:00Z"), DeploymentResult.SUCCESS, false, null);

        assertThat(read("gitlab:deployment", text("gitlab/deployment_event.docs-example.json"))).contains(expected);
    }

    @Test
    void aDeploymentOfAVersionRefHasThatVersion() throws Exception {
        Deployment expected = new Deployment(GITLAB, "15", "test-deployment-webhooks", "staging", "1.0.0", SHA, null,
                JOB_URL, null, Instant.parse("2021-04-28T19:50:00Z"), DeploymentResult.SUCCESS, false, null);

        assertThat(read("gitlab:deployment", text("gitlab/go-gitlab.testdata.webhooks.deployment.json")))
                .contains(expected);
    }

    @Test
    void aRunningDeploymentStartedWhenItsStatusChangedAndACanceledOneIsAborted() throws Exception {
        String running = changed("gitlab/deployment_event.docs-example.json", root -> root.put("status", "running")
                .put("commit_title", "Release payment-gateway, CHG0030007"));
        String canceled = changed("gitlab/deployment_event.docs-example.json", root -> root.put("status", "canceled"));
        String created = changed("gitlab/deployment_event.docs-example.json", root -> root.put("status", "created"));

        Deployment started = read("gitlab:deployment", running).orElseThrow();

        assertThat(started.result()).isEqualTo(DeploymentResult.RUNNING);
        assertThat(started.startedAt()).isEqualTo(Instant.parse("2021-04-28T19:50:00Z"));
        assertThat(started.finishedAt()).isNull();
        assertThat(started.changeNumber()).isEqualTo("CHG0030007");
        assertThat(read("gitlab:deployment", canceled).orElseThrow().result()).isEqualTo(DeploymentResult.ABORTED);
        assertThat(read("gitlab:deployment", created)).isEmpty();
    }

    @Test
    void aPipelineWithoutARunningOrFinishedDeployJobReportsNoDeployment() throws Exception {
        for (String sample : new String[] {"pipeline_event.docs-example.json",
                "go-gitlab.testdata.webhooks.pipeline.json", "pipe-failed.json", "pipe-success.json"}) {
            assertThat(read("gitlab:pipeline", text("gitlab/" + sample))).as(sample).isEmpty();
            assertThat(reader.notice("gitlab:pipeline", PipelineSamples.bytes("gitlab/" + sample),
                    PipelineSamples.RECEIVED_AT)).as(sample).isInstanceOf(WebhookNotice.Ignored.class);
        }
    }

    @Test
    void aPipelineWhoseJobDeployedIsADeploymentToThatJobsEnvironment() throws Exception {
        String body = deployedToStaging("failed");
        Deployment expected = new Deployment(GITLAB, "31/staging", "gitlab-test", "staging", PIPELINE_SHA,
                PIPELINE_SHA, "Pipeline for branch: master", "http://example.com/gitlab-org/gitlab-test/-/pipelines/31",
                Instant.parse("2016-08-12T15:24:00Z"), Instant.parse("2016-08-12T15:26:00Z"),
                DeploymentResult.FAILURE, false, null);

        assertThat(read("gitlab:pipeline", body)).contains(expected);
        assertThat(reader.notice("gitlab:pipeline", body.getBytes(), PipelineSamples.RECEIVED_AT))
                .isEqualTo(new WebhookNotice.Change("gitlab:pipeline", "gitlab-test@staging",
                        "gitlab:pipeline:31/staging:staging:failed"));
    }

    @Test
    void aTaggedPipelineDeploysItsTag() throws Exception {
        String body = changed("gitlab/pipeline_event.docs-example.json", root -> {
            ((ObjectNode) root.get("object_attributes")).put("ref", "release-2026-03").put("tag", true);
            ((ObjectNode) root.get("builds").get(4)).put("status", "running").put("started_at", "2016-08-12 15:24:00 UTC");
        });

        Deployment deployment = read("gitlab:pipeline", body).orElseThrow();

        assertThat(deployment.version()).isEqualTo("release-2026-03");
        assertThat(deployment.result()).isEqualTo(DeploymentResult.RUNNING);
    }

    @Test
    void aDeliveryWithoutARequiredFieldIsRefusedNamingIt() {
        String noEnvironment = changed("gitlab/deployment_event.docs-example.json", root -> root.remove("environment"));
        String badTime = changed("gitlab/deployment_event.docs-example.json",
                root -> root.put("status_changed_at", "yesterday"));
        String noProject = changed("gitlab/deployment_event.docs-example.json", root -> root.remove("project"));

        assertThatThrownBy(() -> read("gitlab:deployment", noEnvironment)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageStartingWith("environment is missing");
        assertThatThrownBy(() -> read("gitlab:deployment", badTime))
                .hasMessageStartingWith("status_changed_at 'yesterday' is not a time");
        assertThatThrownBy(() -> read("gitlab:deployment", noProject))
                .hasMessageStartingWith("project.path_with_namespace is missing");
    }

    /** The documentation's pipeline, with its staging job run (the sample's is only created). */
    static String deployedToStaging(String status) {
        return changed("gitlab/pipeline_event.docs-example.json", root -> {
            ArrayNode builds = (ArrayNode) root.get("builds");
            ((ObjectNode) builds.get(4)).put("status", status).put("started_at", "2016-08-12 15:24:00 UTC")
                    .put("finished_at", "2016-08-12 15:26:00 UTC");
        });
    }

    private Optional<Deployment> read(String kind, String body) throws InvalidWebhookException {
        return reader.read(event("GITLAB", kind, body));
    }
}
