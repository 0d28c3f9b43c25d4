package io.retrobridge.pipeline.gitlab;

import static io.retrobridge.pipeline.PipelineSamples.event;
import static io.retrobridge.pipeline.PipelineSamples.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.pipeline.PipelineSamples;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A GitLab pipeline event carries its commit's time, for the change lead time; a deployment event does not. */
class GitLabCommitTimeTest {

    private final GitLabDeploymentReader reader = new GitLabDeploymentReader(PipelineSamples.defaults());

    @Test
    void aPipelineSaysWhenItsCommitWasMade() {
        String pipeline = GitLabDeploymentReaderTest.deployedToStaging("success");

        assertThat(reader.commitTime(event("GITLAB", "gitlab:pipeline", pipeline)))
                .contains(Instant.parse("2016-08-12T15:23:21Z"));
        assertThat(reader.commitTime(event("GITLAB", "gitlab:deployment",
                text("gitlab/deployment_event.docs-example.json")))).isEmpty();
    }
}
