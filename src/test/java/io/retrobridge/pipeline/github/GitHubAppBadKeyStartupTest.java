package io.retrobridge.pipeline.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A GitHub App private key that cannot be used stops start-up saying what is wrong, never showing the key. */
@ExtendWith(OutputCaptureExtension.class)
class GitHubAppBadKeyStartupTest {

    @Test
    void aCutPrivateKeyStopsStartUpNamingTheSettingAndTheConversion(CapturedOutput output) {
        String body = GitHubAppFiles.text(GitHubAppFiles.PKCS1).lines().filter(line -> !line.startsWith("-----"))
                .reduce("", String::concat);
        String cut = "-----BEGIN RSA PRIVATE KEY-----\\n" + body.substring(0, 256) + "\\n-----END RSA PRIVATE KEY-----";

        assertThatThrownBy(() -> new SpringApplicationBuilder(RetroBridgeApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:bad-github-key-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--retrobridge.jira.base-url=http://127.0.0.1:9", "--retrobridge.jira.email=bot@acme.example",
                "--retrobridge.jira.api-token=jira-token", "--retrobridge.servicenow.base-url=http://127.0.0.1:9",
                "--retrobridge.servicenow.username=retrobridge.integration",
                "--retrobridge.servicenow.password=sn-password",
                "--retrobridge.gate-hooks.github.app-id=123456",
                "--retrobridge.gate-hooks.github.private-key=" + cut))
                .rootCause().hasMessageContaining("retrobridge.gate-hooks.github.private-key is not a usable GitHub App"
                        + " private key: it is not a readable RSA private key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");

        assertThat(output.getAll()).doesNotContain(body.substring(0, 40));
    }

    @Test
    void anAppIdWithoutItsPrivateKeyStopsStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RetroBridgeApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:bad-github-app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--retrobridge.jira.base-url=http://127.0.0.1:9", "--retrobridge.jira.email=bot@acme.example",
                "--retrobridge.jira.api-token=jira-token", "--retrobridge.servicenow.base-url=http://127.0.0.1:9",
                "--retrobridge.servicenow.username=retrobridge.integration",
                "--retrobridge.servicenow.password=sn-password",
                "--retrobridge.gate-hooks.github.app-id=123456")).isNotNull();

        assertThat(output.getAll()).contains("- retrobridge.gate-hooks.github.private-key (env "
                + "RETROBRIDGE_GATE_HOOKS_GITHUB_PRIVATE_KEY) is not set: expected the GitHub App's PEM private key, set "
                + "together with app-id");
    }
}
