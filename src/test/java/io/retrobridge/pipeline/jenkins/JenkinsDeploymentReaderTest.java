package io.retrobridge.pipeline.jenkins;

import static io.retrobridge.pipeline.PipelineSamples.RECEIVED_AT;
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

/** The Jenkins Notification plugin's real build report read as a deployment, field by field. */
class JenkinsDeploymentReaderTest {

    static final ExternalSystem JENKINS = ExternalSystem.valueOf("JENKINS");
    static final String SAMPLE = "jenkins/notification-plugin.wiki-example.json";
    static final String SHA = "c6d86dc654b12425e706bcf951adfe5a8627a517";

    final JenkinsDeploymentReader reader = new JenkinsDeploymentReader(PipelineSamples.defaults());

    @Test
    void aCompletedBuildIsAFinishedDeploymentOfTheJobWhenItsReportArrived() throws Exception {
        Deployment expected = new Deployment(JENKINS, "job/asgard/18", "asgard", "production", "18", SHA, "asgard",
                "http://localhost:8080/job/asgard/18/", null, RECEIVED_AT, DeploymentResult.SUCCESS, false, null);

        assertThat(read(text(SAMPLE))).contains(expected);
    }

    @Test
    void theBuildParametersNameEnvironmentVersionAndChangeAndTheBuildItsTimes() throws Exception {
        String body = changed(SAMPLE, root -> {
            ObjectNode build = (ObjectNode) root.get("build");
            build.put("phase", "FINALIZED").put("status", "UNSTABLE").put("timestamp", 1772443800000L)
                    .put("duration", 90000);
            build.putObject("parameters").put("ENVIRONMENT", "Staging").put("VERSION", "4.2.0")
                    .put("CHANGE", "CHG0030001");
        });

        Deployment deployment = read(body).orElseThrow();

        assertThat(deployment.environment()).isEqualTo("staging");
        assertThat(deployment.version()).isEqualTo("4.2.0");
        assertThat(deployment.changeNumber()).isEqualTo("CHG0030001");
        assertThat(deployment.result()).isEqualTo(DeploymentResult.FAILURE);
        assertThat(deployment.startedAt()).isEqualTo(Instant.ofEpochMilli(1772443800000L));
        assertThat(deployment.finishedAt()).isEqualTo(Instant.ofEpochMilli(1772443890000L));
    }

    @Test
    void eachPhaseIsItsOwnReportOfTheRun() throws Exception {
        String started = changed(SAMPLE, root -> ((ObjectNode) root.get("build")).put("phase", "STARTED")
                .remove("status"));
        String aborted = changed(SAMPLE, root -> ((ObjectNode) root.get("build")).put("status", "ABORTED"));
        String queued = changed(SAMPLE, root -> ((ObjectNode) root.get("build")).put("phase", "QUEUED"));

        Deployment running = read(started).orElseThrow();

        assertThat(running.result()).isEqualTo(DeploymentResult.RUNNING);
        assertThat(running.startedAt()).isEqualTo(RECEIVED_AT);
        assertThat(read(aborted).orElseThrow().result()).isEqualTo(DeploymentResult.ABORTED);
        assertThat(read(queued)).isEmpty();
        assertThat(reader.notice("jenkins:build", started.getBytes(), RECEIVED_AT)).isEqualTo(
                new WebhookNotice.Change("jenkins:build", "asgard@production", "jenkins:build:job/asgard/18:started"));
        assertThat(reader.notice("jenkins:build", PipelineSamples.bytes(SAMPLE), RECEIVED_AT)).isEqualTo(
                new WebhookNotice.Change("jenkins:build", "asgard@production",
                        "jenkins:build:job/asgard/18:completed:success"));
    }

    @Test
    void aReportWithoutARequiredFieldIsRefusedNamingIt() {
        String noPhase = changed(SAMPLE, root -> ((ObjectNode) root.get("build")).remove("phase"));
        String noStatus = changed(SAMPLE, root -> ((ObjectNode) root.get("build")).remove("status"));
        String noName = changed(SAMPLE, root -> root.remove("name"));

        assertThatThrownBy(() -> read(noPhase)).isInstanceOf(InvalidWebhookException.class)
                .hasMessageStartingWith("build.phase is missing");
        assertThatThrownBy(() -> read(noStatus)).hasMessageStartingWith("build.status is missing");
        assertThatThrownBy(() -> read(noName)).hasMessageStartingWith("name is missing");
    }

    private Optional<Deployment> read(String body) throws InvalidWebhookException {
        return reader.read(event("JENKINS", "jenkins:build", body));
    }
}
