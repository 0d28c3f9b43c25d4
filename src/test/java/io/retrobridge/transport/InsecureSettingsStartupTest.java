package io.retrobridge.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Settings that would expose the connector or its credentials are refused at start-up, each with its fix. */
@ExtendWith(OutputCaptureExtension.class)
class InsecureSettingsStartupTest {

    static final String JIRA_TOKEN = "jira-token-Qe81Lm";
    static final String SN_PASSWORD = "sn-password-Rt52Vx";

    /** No profile, complete settings pointing at loopback, plus the arguments under test. */
    static ConfigurableApplicationContext start(String... settings) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:insecure-settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--retrobridge.sync.enabled=false", "--retrobridge.escalation.enabled=false",
                "--retrobridge.jira.base-url=http://127.0.0.1:9", "--retrobridge.jira.email=bot@acme.example",
                "--retrobridge.jira.api-token=" + JIRA_TOKEN,
                "--retrobridge.servicenow.base-url=http://localhost:9",
                "--retrobridge.servicenow.username=retrobridge.integration",
                "--retrobridge.servicenow.password=" + SN_PASSWORD)) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        // A setting under test replaces the default above (a name given twice would be read as a list).
        for (String arg : settings) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        return new SpringApplicationBuilder(RetroBridgeApplication.class).run(args.values().toArray(String[]::new));
    }

    @Test
    void aShortWebhookSecretIsRefusedWithTheSettingAndTheRule(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.jira.webhook-secret=short-secret")).isNotNull();

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.jira.webhook-secret (env RETROBRIDGE_JIRA_WEBHOOK_SECRET) is shorter than 16 "
                        + "characters: expected a random secret of at least 16 characters")
                .doesNotContain("short-secret")
                .doesNotContain(JIRA_TOKEN);
    }

    @Test
    void aShortServiceNowWebhookSecretIsRefusedToo(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.servicenow.webhook-secret=abc")).isNotNull();

        assertThat(output.getAll())
                .contains("- retrobridge.servicenow.webhook-secret (env RETROBRIDGE_SERVICENOW_WEBHOOK_SECRET) is shorter "
                        + "than 16 characters")
                .doesNotContain(SN_PASSWORD);
    }

    @Test
    void plainHttpToAnotherHostIsRefusedNamingTheSettingThatAllowsIt(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.jira.base-url=http://jira.acme.example")).isNotNull();

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.jira.base-url (env RETROBRIDGE_JIRA_BASE_URL) uses http:// to a host other "
                        + "than this machine: expected an https:// URL")
                .contains("retrobridge.connections.allow-insecure-http=true")
                .doesNotContain(JIRA_TOKEN);
    }

    @Test
    void plainHttpToAnotherHostStartsWhenTheSettingAllowsIt() {
        try (ConfigurableApplicationContext context = start("--retrobridge.servicenow.base-url=http://sn.acme.example",
                "--retrobridge.connections.allow-insecure-http=true")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void plainHttpToLoopbackAndALongEnoughSecretStart() {
        try (ConfigurableApplicationContext context = start("--retrobridge.jira.base-url=http://[::1]:9",
                "--retrobridge.jira.webhook-secret=0123456789abcdef")) {
            assertThat(context.isRunning()).isTrue();
        }
    }
}
