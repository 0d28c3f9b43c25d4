package io.retrobridge.pipeline;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.DeliveryHistory;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InvalidWebhookException;
import io.retrobridge.sync.ReleaseTriggers;
import io.retrobridge.sync.SyncResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records every deployment event, whichever CI/CD system's reader reads it: the run is merged into what is known of
 * it, recognised as a rollback where it is one, and the release triggers are told of it when it changed. Takes the
 * kinds of every {@link DeploymentReader} bean, so a system's reader is all a new system needs. Records with the
 * event's outcome: a run recorded stays recorded only if the event is marked done.
 */
@Component
class DeploymentHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(DeploymentHandler.class);

    /** Every reader by each kind it reads. */
    private final Map<HandledKind, DeploymentReader> readers = new LinkedHashMap<>();
    private final DeploymentStore deployments;
    private final RollbackRecognition rollbacks;
    private final ObjectProvider<ReleaseTriggers> triggers;
    private final ObjectProvider<DeliveryHistory> commitTimes;

    DeploymentHandler(List<DeploymentReader> readers, DeploymentStore deployments, RollbackRecognition rollbacks,
                      ObjectProvider<ReleaseTriggers> triggers, ObjectProvider<DeliveryHistory> commitTimes) {
        readers.forEach(reader -> reader.kinds().forEach(kind -> this.readers.putIfAbsent(kind, reader)));
        this.deployments = deployments;
        this.rollbacks = rollbacks;
        this.triggers = triggers;
        this.commitTimes = commitTimes;
    }

    @Override
    public Set<HandledKind> takes() {
        return Set.copyOf(readers.keySet());
    }

    @Override
    public Recording recording() {
        return Recording.WITH_THE_OUTCOME;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        Optional<Deployment> read = read(event);
        if (read.isEmpty()) {
            return SyncResult.skipped(event.kind() + " reports no deployment; nothing recorded");
        }
        Deployment report = read.get();
        Optional<String> rollback = rollbacks.why(report);
        DeploymentStore.Recorded recorded = deployments.record(rollback.isPresent() ? report.asRollback() : report);
        Deployment run = recorded.deployment();
        recordCommitTime(event, run);
        String what = run.application() + " " + run.version() + " to " + run.environment();
        if (!recorded.changed()) {
            return SyncResult.skipped(what + " (run " + run.runId() + " from " + run.source() + ") is already recorded as "
                    + run.result() + (run.rollback() ? ", rollback" : "") + "; this report changed nothing");
        }
        String decided = triggers.orderedStream().map(listener -> listener.deploymentRecorded(run))
                .filter(words -> !words.isBlank()).map(words -> "; " + words).collect(Collectors.joining());
        String recordedWhat = "recorded " + what + ": " + run.result()
                + rollback.map(why -> ", rollback (" + why + ")").orElse(run.rollback() ? ", rollback" : "");
        // Every value in it was held to plain characters when the event was read, so it is safe in a log line.
        log.info("Deployment run {} from {}: {}{}", run.runId(), run.source(), recordedWhat, decided);
        return SyncResult.applied(recordedWhat + decided);
    }

    /** For the change lead time: when the deployed commit was made, where the event says. */
    private void recordCommitTime(InboundEvent event, Deployment run) {
        DeliveryHistory history = commitTimes.getIfAvailable();
        if (history != null) {
            readerOf(event).commitTime(event).ifPresent(at -> history.recordCommitTime(run.source().name(),
                    run.runId(), at));
        }
    }

    private Optional<Deployment> read(InboundEvent event) {
        DeploymentReader reader = readerOf(event);
        try {
            return reader.read(event);
        } catch (InvalidWebhookException e) {
            // It was read when it arrived; unreadable now means a reader changed since. Parked, to be replayed.
            throw new IllegalStateException("The stored " + event.kind() + " event cannot be read as a deployment: "
                    + e.getMessage());
        }
    }

    /** The reader of the narrowest kind that takes the event, as the inbox picks handlers. */
    private DeploymentReader readerOf(InboundEvent event) {
        return HandledKind.narrowestFor(event, readers).orElseThrow(() -> new IllegalStateException(
                "No deployment reader reads " + event.kind() + " from " + event.source()));
    }
}
