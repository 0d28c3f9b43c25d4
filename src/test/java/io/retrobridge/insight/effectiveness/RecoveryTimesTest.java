package io.retrobridge.insight.effectiveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recovery windows on runs given directly: the edges of the definition in {@link RecoveryTimes}. */
class RecoveryTimesTest {

    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-07-01T00:00:00Z");

    private static Deployment run(String id, String application, String environment, String finished,
                                  DeploymentResult result) {
        Instant end = Instant.parse(finished);
        return new Deployment(ExternalSystem.valueOf("PIPELINE"), id, application, environment, id, null, null, null,
                end.minusSeconds(60), end, result, false, null);
    }

    @Test
    void aFailureFinishingOnTheWindowsStartCountsAndOneOnItsEndDoesNot() {
        RecoveryWindow window = RecoveryTimes.window("app", FROM, TO, List.of(
                run("f1", "app", "production", "2026-06-01T00:00:00Z", DeploymentResult.FAILURE),
                run("s1", "app", "production", "2026-06-01T00:45:00Z", DeploymentResult.SUCCESS),
                run("f2", "app", "production", "2026-07-01T00:00:00Z", DeploymentResult.FAILURE)), List.of());

        // f1 at the start: restored by s1 after 45 min. f2 at the exclusive end: outside.
        assertThat(window.failures()).isEqualTo(1);
        assertThat(window.recoveryMinutes()).containsExactly(45L);
        assertThat(window.medianMinutes()).isEqualByComparingTo("45.0");
    }

    @Test
    void aRestorationLaterThanThirtyDaysDoesNotCountNorDoOtherApplicationsRuns() {
        RecoveryWindow window = RecoveryTimes.window("app", FROM, TO, List.of(
                run("f1", "app", "production", "2026-06-02T00:00:00Z", DeploymentResult.FAILURE),
                run("x1", "other", "production", "2026-06-02T00:10:00Z", DeploymentResult.SUCCESS),
                run("s1", "app", "production", "2026-07-02T00:01:00Z", DeploymentResult.SUCCESS)), List.of());

        // s1 comes 30 days and 1 minute after f1: f1 is a failure not restored.
        assertThat(window.failures()).isEqualTo(1);
        assertThat(window.restored()).isZero();
        assertThat(window.medianMinutes()).isNull();
    }

    @Test
    void anEvenCountsMedianIsTheMeanOfTheTwoMiddleTimes() {
        RecoveryWindow window = RecoveryTimes.window("app", FROM, TO, List.of(
                run("f1", "app", "production", "2026-06-02T00:00:00Z", DeploymentResult.FAILURE),
                run("s1", "app", "production", "2026-06-02T00:15:00Z", DeploymentResult.SUCCESS),
                run("f2", "app", "production", "2026-06-03T00:00:00Z", DeploymentResult.ABORTED),
                run("s2", "app", "production", "2026-06-03T00:20:00Z", DeploymentResult.SUCCESS)), List.of());

        // 15 and 20 minutes: (15 + 20) / 2 = 17.5.
        assertThat(window.recoveryMinutes()).containsExactly(15L, 20L);
        assertThat(window.medianMinutes()).isEqualByComparingTo("17.5");
    }
}
