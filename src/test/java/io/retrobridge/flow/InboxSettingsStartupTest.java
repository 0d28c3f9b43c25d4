package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Inbox settings that cannot work stop start-up with the setting's name and what to give instead. */
@ExtendWith(OutputCaptureExtension.class)
class InboxSettingsStartupTest {

    @Test
    void aZeroMaxDeferralIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.sync.max-deferral=0s")).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("retrobridge.sync.max-deferral (env RETROBRIDGE_SYNC_MAX_DEFERRAL) is not valid: expected a "
                        + "duration of at least 1m, e.g. 24h");
    }

    @Test
    void aRenewalNoShorterThanTheClaimTimeoutIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.sync.claim-timeout=2m",
                "--retrobridge.sync.claim-renewal=2m")).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("retrobridge.sync.renewal-shorter-than-timeout")
                .contains("expected claim-renewal shorter than claim-timeout");
    }

    @Test
    void noWorkersIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.sync.workers=0")).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("retrobridge.sync.workers (env RETROBRIDGE_SYNC_WORKERS) is not valid: expected at least 1");
    }
}
