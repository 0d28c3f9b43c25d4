package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An unreadable-records setting that cannot work stops start-up with the setting, its environment variable and the fix. */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableSettingsStartupTest {

    @Test
    void aBurstThresholdOfZeroIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.sync.unreadable.burst-threshold=0"))
                .isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.sync.unreadable.burst-threshold (env RETROBRIDGE_SYNC_UNREADABLE_BURST_THRESHOLD)"
                        + " is not valid: expected a whole number of 1 or more, e.g. 5");
    }

    @Test
    void aZeroWindowIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.sync.unreadable.window=0s"))
                .isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.sync.unreadable.window (env RETROBRIDGE_SYNC_UNREADABLE_WINDOW) is not valid:"
                        + " expected a duration of at least 1s, e.g. 15m");
    }
}
