package io.retrobridge.insight;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.DeploymentTelemetry;
import io.retrobridge.domain.ExternalSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deployment telemetry against values worked out by hand from the runs listed in each test. */
class DeploymentTelemetryReportTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void countsFinishedRunsFailuresAndRollbacksAndTheirDurations() {
        List<Deployment> runs = List.of(
                run("1", "2026-11-02T10:00:00Z", "2026-11-02T10:05:00Z", DeploymentResult.SUCCESS, false), // 300 s
                run("2", "2026-11-05T10:00:00Z", "2026-11-05T10:12:00Z", DeploymentResult.FAILURE, false), // 720 s
                run("3", "2026-11-05T11:00:00Z", "2026-11-05T11:03:00Z", DeploymentResult.SUCCESS, true),  // 180 s
                run("4", "2026-11-20T09:00:00Z", "2026-11-20T09:20:00Z", DeploymentResult.ABORTED, false), // 1200 s
                run("5", null, "2026-11-21T09:00:00Z", DeploymentResult.SUCCESS, true),                    // no start
                run("6", "2026-11-30T23:58:00Z", null, DeploymentResult.RUNNING, false));                  // running

        DeploymentTelemetry telemetry = DeploymentTelemetryReport.of("checkout", "production", FROM, TO, runs);

        // Finished: 1-5 (5 runs). Failed: 2 and 4. Rollbacks: 3 and 5, 2 of 5 = 0.4.
        assertThat(telemetry.deployments()).isEqualTo(5);
        assertThat(telemetry.failed()).isEqualTo(2);
        assertThat(telemetry.rollbacks()).isEqualTo(2);
        assertThat(telemetry.rollbackFrequency()).isEqualTo(0.4);
        // Durations of 1-4 sorted: 180, 300, 720, 1200 s; median (300 + 720) / 2 = 510 s; longest 1200 s.
        assertThat(telemetry.medianDuration()).isEqualTo(Duration.ofSeconds(510));
        assertThat(telemetry.longestDuration()).isEqualTo(Duration.ofSeconds(1200));
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleRunAndRunsFinishedOutsideTheWindowAreLeftOut() {
        List<Deployment> runs = List.of(
                run("1", "2026-11-02T10:00:00Z", "2026-11-02T10:01:40Z", DeploymentResult.SUCCESS, false), // 100 s
                run("2", "2026-11-03T10:00:00Z", "2026-11-03T10:10:00Z", DeploymentResult.SUCCESS, false), // 600 s
                run("3", "2026-11-04T10:00:00Z", "2026-11-04T10:04:10Z", DeploymentResult.SUCCESS, false), // 250 s
                run("4", "2026-11-30T23:50:00Z", "2026-12-01T00:00:00Z", DeploymentResult.FAILURE, true)); // at to

        DeploymentTelemetry telemetry = DeploymentTelemetryReport.of("checkout", "production", FROM, TO, runs);

        assertThat(telemetry.deployments()).isEqualTo(3);
        assertThat(telemetry.failed()).isZero();
        assertThat(telemetry.rollbacks()).isZero();
        assertThat(telemetry.medianDuration()).isEqualTo(Duration.ofSeconds(250));
        assertThat(telemetry.longestDuration()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void noFinishedRunsGiveZeroesAndNoDurations() {
        DeploymentTelemetry telemetry = DeploymentTelemetryReport.of("checkout", "production", FROM, TO, List.of(
                run("6", "2026-11-30T23:58:00Z", null, DeploymentResult.RUNNING, false)));

        assertThat(telemetry.deployments()).isZero();
        assertThat(telemetry.rollbackFrequency()).isZero();
        assertThat(telemetry.medianDuration()).isNull();
        assertThat(telemetry.longestDuration()).isNull();
    }

    private static Deployment run(String runId, String started, String finished, DeploymentResult result,
                                  boolean rollback) {
        return new Deployment(ExternalSystem.valueOf("PIPELINE"), runId, "checkout", "production", "1." + runId, null,
                null, null, started == null ? null : Instant.parse(started),
                finished == null ? null : Instant.parse(finished), result, rollback, null);
    }
}
