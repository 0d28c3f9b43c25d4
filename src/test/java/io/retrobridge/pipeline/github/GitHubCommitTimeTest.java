package io.retrobridge.pipeline.github;

import static io.retrobridge.pipeline.PipelineDeliveries.GITHUB_SECRET;
import static io.retrobridge.pipeline.PipelineDeliveries.hmac;
import static io.retrobridge.pipeline.PipelineSamples.changed;
import static io.retrobridge.pipeline.PipelineSamples.event;
import static io.retrobridge.pipeline.PipelineSamples.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.pipeline.PipelineDeliveries;
import io.retrobridge.pipeline.PipelineSamples;
import io.retrobridge.sync.DeliveryHistory;
import io.retrobridge.sync.DeliveryHistory.DeliveredRun;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A deploying workflow run carries its head commit's time, which the change lead time needs: read from the real
 * sample, and kept with the run when the delivery arrives over HTTP and the inbox records it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.pipeline.github.webhook-secret=" + PipelineDeliveries.GITHUB_SECRET,
        "retrobridge.sync.enabled=true",
        "retrobridge.sync.drain-interval=200ms",
        "retrobridge.sync.first-poll-delay=0s"})
@ActiveProfiles("test")
class GitHubCommitTimeTest {

    private static final String SAMPLE = "github/workflow_run.completed.success.payload.json";
    private static final Instant HEAD_COMMIT = Instant.parse("2020-10-05T16:32:07Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeliveryHistory history;

    private final GitHubDeploymentReader reader = new GitHubDeploymentReader(PipelineSamples.defaults());

    @Test
    void aWorkflowRunSaysWhenItsHeadCommitWasMadeAndADeploymentStatusDoesNot() {
        assertThat(reader.commitTime(event("GITHUB", "github:workflow_run", text(SAMPLE)))).contains(HEAD_COMMIT);
        assertThat(reader.commitTime(event("GITHUB", "github:deployment_status",
                text("github/deployment_status.payload.json")))).isEmpty();
        String noTime = changed(SAMPLE, root -> ((ObjectNode) root.get("workflow_run").get("head_commit"))
                .remove("timestamp"));
        assertThat(reader.commitTime(event("GITHUB", "github:workflow_run", noTime))).isEmpty();
        String badTime = changed(SAMPLE, root -> ((ObjectNode) root.get("workflow_run").get("head_commit"))
                .put("timestamp", "yesterday"));
        assertThat(reader.commitTime(event("GITHUB", "github:workflow_run", badTime))).isEmpty();
    }

    @Test
    void theCommitTimeIsKeptWithTheRecordedRun() {
        PipelineDeliveries deliver = new PipelineDeliveries(port, jdbc);
        deliver.emptyInbox();
        jdbc.sql("DELETE FROM deployments").update();
        String deploying = changed(SAMPLE, root -> ((ObjectNode) root.get("workflow_run"))
                .put("name", "Deploy production"));

        HttpResponse<String> response = deliver.post("/webhooks/github", deploying, "X-GitHub-Event", "workflow_run",
                "X-GitHub-Delivery", "5b1e44a0-cc78-11e3-81ab-4c9367dc0958",
                "X-Hub-Signature-256", hmac(deploying, GITHUB_SECRET));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(history.finishedBetween("octo-repo",
                "production", Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z")))
                .extracting(DeliveredRun::commitAt).containsExactly(HEAD_COMMIT));
    }
}
