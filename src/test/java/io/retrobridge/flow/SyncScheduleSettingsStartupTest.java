package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The sync's schedule (read by routes/action-item-sync.yaml) is checked with the other settings: a value that cannot
 * work stops start-up with the setting's name and what to give instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class SyncScheduleSettingsStartupTest {

    @Test
    void aZeroPollIntervalIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.sync.poll-interval=0s")).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.sync.poll-interval (env RETROBRIDGE_SYNC_POLL_INTERVAL) is not valid: expected "
                        + "a duration of at least 1s, e.g. 30s");
    }

    @Test
    void anUnreadableMappingsReloadIntervalIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.mappings.reload-interval=often"))
                .isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.mappings.reload-interval (env RETROBRIDGE_MAPPINGS_RELOAD_INTERVAL) could not "
                        + "be read: expected a duration such as 10s, 500ms or PT1M")
                .doesNotContain("often");
    }
}
