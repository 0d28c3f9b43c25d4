package io.retrobridge.retro;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import java.time.Duration;
import java.time.Instant;

/** Changes and deployments as the stores record them, for the criteria's tests. */
final class ReleaseFacts {

    /** A Friday, so business days and calendar days differ. */
    static final Instant ENDED = Instant.parse("2026-12-04T15:00:00Z");

    private ReleaseFacts() {
    }

    static ChangeRecord change(String number, String type, ChangeState state, String closeCode, String ci) {
        return change(number, type, state, closeCode, ci, ENDED);
    }

    static ChangeRecord change(String number, String type, ChangeState state, String closeCode, String ci,
                               Instant ended) {
        return new ChangeRecord(String.format("%08x", number.hashCode()) + "0".repeat(24), number,
                "Release " + number, type, state, "3", "2", "CAB", ci, ended.minus(Duration.ofHours(2)),
                ended.minus(Duration.ofHours(1)), ended.minus(Duration.ofHours(1)),
                state.ended() ? ended : null, closeCode, closeCode == null ? null : "notes", ended.plusSeconds(30));
    }

    static Deployment deployment(String application, String environment, String version, DeploymentResult result,
                                 boolean rollback, String changeNumber) {
        return deployment("run-" + application + "-" + version + "-" + environment, application, environment, version,
                result, rollback, changeNumber, ENDED);
    }

    static Deployment deployment(String runId, String application, String environment, String version,
                                 DeploymentResult result, boolean rollback, String changeNumber, Instant finished) {
        return new Deployment(ExternalSystem.valueOf("GITHUB"), runId, application, environment, version,
                "0123456789abcdef", "deploy", "https://ci.example/runs/" + runId, finished.minus(Duration.ofMinutes(9)),
                result.finished() ? finished : null, result, rollback, changeNumber);
    }
}
