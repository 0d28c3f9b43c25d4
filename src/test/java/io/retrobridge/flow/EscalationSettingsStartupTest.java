package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.RetroBridgeApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A scan schedule that cannot work stops start-up with the setting, its environment variable and the fix. */
@ExtendWith(OutputCaptureExtension.class)
class EscalationSettingsStartupTest {

    static void start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:escalation-settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--retrobridge.jira.base-url=http://127.0.0.1:9", "--retrobridge.jira.email=bot@acme.example",
                "--retrobridge.jira.api-token=jira-token", "--retrobridge.servicenow.base-url=http://127.0.0.1:9",
                "--retrobridge.servicenow.username=retrobridge.integration",
                "--retrobridge.servicenow.password=sn-password"));
        args.addAll(List.of(settings));
        new SpringApplicationBuilder(RetroBridgeApplication.class).run(args.toArray(String[]::new));
    }

    @Test
    void aZeroScanIntervalIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.escalation.scan-interval=0s")).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.escalation.scan-interval (env RETROBRIDGE_ESCALATION_SCAN_INTERVAL) is not "
                        + "valid: expected a duration of at least 1s, e.g. 1h or 20s");
    }

    @Test
    void anUnreadableDelayIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> start("--retrobridge.escalation.first-scan-delay=soon")).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.escalation.first-scan-delay (env RETROBRIDGE_ESCALATION_FIRST_SCAN_DELAY) "
                        + "could not be read: expected a duration such as 10s, 500ms or PT1M");
    }
}
