package io.retrobridge.pipeline;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.Deployment;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.DeploymentStore;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Says whether a deployment run put an earlier version back, and why: the pipeline said so; it redeployed a version
 * older than the latest successful one to the same application and environment; or the change it carries out was
 * closed with a backed-out close code ({@code retrobridge.deployments.rollback-close-codes}).
 */
@Component
class RollbackRecognition {

    private final DeploymentStore deployments;
    private final ObjectProvider<ChangeRecordStore> changes;
    private final Set<String> rollbackCloseCodes;
    private final int history;

    RollbackRecognition(DeploymentStore deployments, ObjectProvider<ChangeRecordStore> changes,
                        DeploymentProperties settings) {
        this.deployments = deployments;
        this.changes = changes;
        this.rollbackCloseCodes = settings.closeCodes().stream().map(RollbackRecognition::normalized)
                .collect(Collectors.toUnmodifiableSet());
        this.history = settings.rollbackHistory();
    }

    /** Why the run is a rollback, in words for the record; empty when nothing says it is. */
    Optional<String> why(Deployment run) {
        if (run.rollback()) {
            return Optional.of("said by the pipeline");
        }
        return redeployOfAnEarlierVersion(run).or(() -> backedOutChange(run));
    }

    private Optional<String> redeployOfAnEarlierVersion(Deployment run) {
        List<Deployment> earlier = deployments.successfulBefore(run.application(), run.environment(),
                run.startedAt() != null ? run.startedAt() : run.finishedAt(), history).stream()
                .filter(other -> !(other.source().equals(run.source()) && other.runId().equals(run.runId())))
                .toList();
        if (earlier.isEmpty() || earlier.get(0).version().equals(run.version())) {
            return Optional.empty();
        }
        Deployment latest = earlier.get(0);
        Optional<Integer> order = VersionOrder.compare(run.version(), latest.version());
        boolean older = order.map(comparison -> comparison < 0)
                // Versions that do not order (commit shas): older when it was live before the latest, unless the
                // latest was itself a rollback and this puts the newer one back again.
                .orElseGet(() -> !latest.rollback() && earlier.stream().skip(1)
                        .anyMatch(before -> before.version().equals(run.version())));
        return older ? Optional.of("redeploy of an earlier version: " + run.version() + " after " + latest.version())
                : Optional.empty();
    }

    private Optional<String> backedOutChange(Deployment run) {
        if (run.change().isEmpty() || rollbackCloseCodes.isEmpty()) {
            return Optional.empty();
        }
        ChangeRecordStore store = changes.getIfAvailable();
        if (store == null) {
            return Optional.empty();
        }
        return store.findByNumber(run.changeNumber()).flatMap(ChangeRecord::closed)
                .filter(code -> rollbackCloseCodes.contains(normalized(code)))
                .map(code -> "change " + run.changeNumber() + " closed " + code);
    }

    private static String normalized(String closeCode) {
        return closeCode.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
