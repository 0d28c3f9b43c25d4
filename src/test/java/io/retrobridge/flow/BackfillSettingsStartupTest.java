package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The backfill runner's settings (routes/backfill-runner.yaml reads runner-interval) are checked at start-up: a
 * value that cannot work stops it with the setting's name and what to give instead.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackfillSettingsStartupTest {

    @Test
    void aStaleAfterShorterThanThreeRunnerIntervalsIsRefused(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.sync.backfill.runner-interval=5s",
                "--retrobridge.sync.backfill.stale-after=10s")).isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("retrobridge.sync.backfill.stale-after-longer-than-heartbeats")
                .contains("expected stale-after at least three times runner-interval");
    }

    @Test
    void aTooShortRunnerIntervalIsRefusedByName(CapturedOutput output) {
        assertThatThrownBy(() -> EscalationSettingsStartupTest.start("--retrobridge.sync.backfill.runner-interval=10ms"))
                .isNotNull();

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("- retrobridge.sync.backfill.runner-interval (env RETROBRIDGE_SYNC_BACKFILL_RUNNER_INTERVAL)"
                        + " is not valid: expected a duration of at least 100ms, e.g. 2s");
    }
}
