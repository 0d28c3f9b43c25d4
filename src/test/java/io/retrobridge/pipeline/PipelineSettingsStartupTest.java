package io.retrobridge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A CI/CD webhook secret too short to resist guessing, or a pattern that is no regular expression, stops start-up. */
@ExtendWith(OutputCaptureExtension.class)
class PipelineSettingsStartupTest {

    @Test
    void aShortJenkinsSecretIsRefusedNamingTheSettingWithoutShowingIt(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.pipeline.jenkins.webhook-secret=jenkins-pw-9")).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.pipeline.jenkins.webhook-secret (env RETROBRIDGE_PIPELINE_JENKINS_WEBHOOK_SECRET)"
                        + " is shorter than 16 characters")
                .doesNotContain("jenkins-webhook-secret-long-enough")
                .doesNotContain("jenkins-pw-9");
    }

    @Test
    void aDeployWorkflowsSettingThatIsNoPatternIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.pipeline.github.deploy-workflows=deploy(")).isNotNull();

        assertThat(output.getAll()).contains("github.deploy-workflows to be regular expressions");
    }

    @Test
    void theSettingsNeverPrintASecret() {
        PipelineProperties settings = new PipelineProperties(null, null,
                new PipelineProperties.GitHub("github-secret-0123456789", null, null, null, null),
                new PipelineProperties.GitLab("gitlab-secret-0123456789", null),
                new PipelineProperties.Jenkins("jenkins-secret-0123456789", null, null, null, null),
                new PipelineProperties.AzureDevops("azure-secret-0123456789", null));

        assertThat(settings.toString()).doesNotContain("-secret-0123456789").contains("webhookSecret=****");
    }

    private static void start(String setting) {
        new SpringApplicationBuilder(RetroBridgeApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:pipeline-settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--retrobridge.sync.enabled=false", "--retrobridge.escalation.enabled=false",
                "--retrobridge.jira.base-url=http://127.0.0.1:9", "--retrobridge.jira.email=bot@acme.example",
                "--retrobridge.jira.api-token=jira-token-Qe81Lm", "--retrobridge.servicenow.base-url=http://localhost:9",
                "--retrobridge.servicenow.username=retrobridge.integration",
                "--retrobridge.servicenow.password=sn-password-Rt52Vx", setting).close();
    }
}
