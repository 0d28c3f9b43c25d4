package io.retrobridge.insight.pir;

import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.PirStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Queues a change's PIR collection at once, when a person asks for it (figures after a fix, a retry by hand). */
@Component
public class PirCollectNow {

    /** What became of the request. */
    public enum Answer {
        /** Queued; the inbox worker collects it on its next pass. */
        QUEUED,
        /** RetroBridge knows no such change: not read, no deployment names it, no summary. */
        UNKNOWN_CHANGE,
        /** No figures are collected at all (switched off, or no pir-metrics.yaml). */
        NOT_COLLECTED
    }

    /** @param words what was done or why not, for the answer */
    public record Asked(Answer answer, String key, String words) {
    }

    private final CurrentMappings mappings;
    private final PirQueue queue;
    private final PirStore store;
    private final ObjectProvider<ChangeRecordStore> changes;
    private final ObjectProvider<DeploymentStore> deployments;
    private final PirProperties settings;
    private final Clock clock;

    public PirCollectNow(CurrentMappings mappings, PirQueue queue, PirStore store,
                         ObjectProvider<ChangeRecordStore> changes, ObjectProvider<DeploymentStore> deployments,
                         Optional<PirProperties> settings, Optional<Clock> clock) {
        this.mappings = mappings;
        this.queue = queue;
        this.store = store;
        this.changes = changes;
        this.deployments = deployments;
        this.settings = settings.orElseGet(PirProperties::defaults);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** @param caller who asked, for the event's outcome (an API key's name) */
    public Asked collect(String changeNumber, String caller) {
        String key = PirRequest.keyOf(changeNumber);
        if (!settings.enabled()) {
            return new Asked(Answer.NOT_COLLECTED, key, "PIR figures are not collected: retrobridge.pir.enabled is "
                    + "false");
        }
        if (mappings.pirMetrics().isEmpty()) {
            return new Asked(Answer.NOT_COLLECTED, key, "PIR figures are not collected: there is no "
                    + PirMetricsMapping.FILE_NAME + " in the mappings folder");
        }
        if (!known(changeNumber, key)) {
            return new Asked(Answer.UNKNOWN_CHANGE, key, "RetroBridge knows no change " + changeNumber + ": it has "
                    + "not read it from ServiceNow, no deployment names it and it has no PIR summary");
        }
        Instant now = clock.instant();
        queue.queue(PirRequest.asked(changeNumber, "asked for by " + caller), "asked:" + now + ":" + UUID.randomUUID(),
                now);
        return new Asked(Answer.QUEUED, key, "PIR figures for " + changeNumber + " queued for collection");
    }

    private boolean known(String changeNumber, String key) {
        ChangeRecordStore changeStore = changes.getIfAvailable();
        DeploymentStore deploymentStore = deployments.getIfAvailable();
        return changeStore != null && changeStore.findByNumber(changeNumber).isPresent()
                || deploymentStore != null && !deploymentStore.forChange(changeNumber).isEmpty()
                || store.find(key).isPresent();
    }
}
