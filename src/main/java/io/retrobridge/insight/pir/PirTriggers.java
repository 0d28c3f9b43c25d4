package io.retrobridge.insight.pir;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.Deployment;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.PirStore;
import io.retrobridge.sync.ReleaseTriggers;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Decides which release facts get PIR figures, as {@code pir-metrics.yaml} says under {@code collect}: a change that
 * moved into Review, a finished deployment (whatever its result, rollbacks included) to one of the listed
 * environments. It only queues a {@code pir:collect} event, held back until the after-window has passed so the
 * after-figures exist. Facts that get no figures leave the event's outcome as it was.
 */
// After the retrospective triggers: an outcome says first whether a retrospective opens, then when figures come.
@Order(10)
@Component
public class PirTriggers implements ReleaseTriggers {

    private static final Logger log = LoggerFactory.getLogger(PirTriggers.class);

    private final CurrentMappings mappings;
    private final PirQueue queue;
    private final PirProperties settings;
    private final PirStore summaries;

    public PirTriggers(CurrentMappings mappings, PirQueue queue, Optional<PirProperties> settings, PirStore summaries) {
        this.mappings = mappings;
        this.queue = queue;
        this.settings = settings.orElseGet(PirProperties::defaults);
        this.summaries = summaries;
    }

    @Override
    public String deploymentRecorded(Deployment deployment) {
        Optional<PirMetricsMapping> mapping = mapping();
        if (mapping.isEmpty() || !deployment.result().finished() || !mapping.get().collect().deploymentEnvironments()
                .contains(deployment.environment().toLowerCase(Locale.ROOT))) {
            return "";
        }
        PirRequest request = PirRequest.of(deployment, "deployment " + deployment.application() + " "
                + deployment.version() + " to " + deployment.environment() + " finished " + deployment.result()
                + (deployment.rollback() ? " (rollback)" : ""));
        return queue(request, "run:" + deployment.source().name() + ":" + deployment.runId(),
                deployment.finishedAt(), mapping.get());
    }

    @Override
    public String changeRecorded(ChangeRecord change, Optional<ChangeRecord> previous) {
        Optional<PirMetricsMapping> mapping = mapping();
        boolean enteredReview = change.state() == ChangeState.REVIEW
                && previous.map(earlier -> earlier.state() != ChangeState.REVIEW).orElse(true);
        if (mapping.isPresent() && previous.isEmpty() && !enteredReview) {
            return collectedBeforeTheChangeWasKnown(change);
        }
        if (mapping.isEmpty() || !mapping.get().collect().onChangeReview() || !enteredReview) {
            return "";
        }
        // Without an actual end, the version that showed it in Review is the nearest moment known.
        Instant moment = change.actualEnd() != null ? change.actualEnd() : change.updatedAt();
        PirRequest request = PirRequest.of(change, moment, "change " + change.number() + " moved into Review");
        return queue(request, "review:" + change.updatedAt(), moment, mapping.get());
    }

    /**
     * A deployment naming the change may have had its figures collected before the change itself was read: there
     * was nothing to write them onto then. Now there is, so they are collected again at once.
     */
    private String collectedBeforeTheChangeWasKnown(ChangeRecord change) {
        return summaries.find(PirRequest.keyOf(change.number())).map(earlier -> {
            PirRequest request = PirRequest.asked(change.number(), "change " + change.number()
                    + " read for the first time, after its figures were collected");
            boolean queued = queue.queue(request, "known:" + change.sysId(), earlier.collectedAt());
            log.info("PIR figures for {} {} to be written onto the change now read", request.key(),
                    queued ? "queued again" : "already queued");
            return queued ? "PIR figures for " + request.key() + " collected again to be written onto it" : "";
        }).orElse("");
    }

    private Optional<PirMetricsMapping> mapping() {
        return settings.enabled() ? mappings.pirMetrics() : Optional.empty();
    }

    private String queue(PirRequest request, String occasion, Instant moment, PirMetricsMapping mapping) {
        Instant after = moment.plus(mapping.windows().after());
        if (queue.queue(request, occasion, after)) {
            log.info("PIR figures for {} queued, collected after {}: {}", request.key(), after, request.why());
            return "PIR figures for " + request.key() + " collected after " + after;
        }
        log.debug("PIR figures for {} were queued before ({})", request.key(), occasion);
        return "PIR figures for " + request.key() + " were queued before";
    }
}
