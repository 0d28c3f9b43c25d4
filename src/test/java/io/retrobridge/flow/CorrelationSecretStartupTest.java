package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A correlation secret too short to be one stops start-up by name, and its value is never printed. */
@ExtendWith(OutputCaptureExtension.class)
class CorrelationSecretStartupTest {

    @Test
    void aShortSecretIsRefusedByNameWithoutShowingIt(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.correlation.secret=tooShort-9876"))
                .isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("retrobridge.correlation.secret")
                .contains("at least 32 characters")
                .doesNotContain("tooShort-9876");
    }
}
