package io.retrobridge.retro;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.retro.RetrospectivesMapping;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.MajorIncidents;
import io.retrobridge.sync.ReleaseFailures;
import io.retrobridge.sync.ReleaseFailures.FailedRelease;
import io.retrobridge.sync.ReleaseTriggers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Judges every recorded release fact by the {@code retrospectives.yaml} in force and queues one {@code retro:open}
 * inbox event per retrospective to open, keyed by the trigger, so the same trigger is stored once however often its
 * facts arrive. Records failed releases and queues a program-level retrospective when a program's threshold is
 * reached. Without the file nothing happens.
 */
// First among the release listeners: its decision leads an event's outcome.
@Order(0)
@Component
public class RetrospectiveTriggers implements ReleaseTriggers {

    /** The source of the events it queues: RetroBridge itself. */
    public static final ExternalSystem SOURCE = ExternalSystem.valueOf("RETROBRIDGE");

    private static final Logger log = LoggerFactory.getLogger(RetrospectiveTriggers.class);
    private static final MajorIncidents NONE_KNOWN = changeSysId -> List.of();
    /** How many earlier successful runs are read to find what a rollback undid. */
    private static final int LIVE_BEFORE = 10;

    private final CurrentMappings mappings;
    private final EventInbox inbox;
    private final ReleaseFailures failures;
    private final ObjectProvider<MajorIncidents> majorIncidents;
    private final ObjectProvider<DeploymentStore> deploymentStore;
    private final Clock clock;

    public RetrospectiveTriggers(CurrentMappings mappings, EventInbox inbox, ReleaseFailures failures,
                                 ObjectProvider<MajorIncidents> majorIncidents,
                                 ObjectProvider<DeploymentStore> deploymentStore, Optional<Clock> clock) {
        this.mappings = mappings;
        this.inbox = inbox;
        this.failures = failures;
        this.majorIncidents = majorIncidents;
        this.deploymentStore = deploymentStore;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    private static final String NO_CRITERIA = "no retrospective: there is no " + RetrospectivesMapping.FILE_NAME;

    @Override
    public String deploymentRecorded(Deployment deployment) {
        return mappings.retrospectives().map(mapping -> {
            InclusionCriteria criteria = criteria(mapping);
            return act(criteria, undoneBy(deployment).map(undone -> criteria.judgeRollback(deployment, undone))
                    .orElseGet(() -> criteria.judge(deployment)));
        }).orElse(NO_CRITERIA);
    }

    /**
     * For a rollback run, the version that was live before it: the release that failed, which its retrospective is
     * about. Empty for other runs, or when no earlier run of another version is recorded.
     */
    private Optional<String> undoneBy(Deployment deployment) {
        DeploymentStore store = deploymentStore.getIfAvailable();
        if (!deployment.rollback() || store == null) {
            return Optional.empty();
        }
        Instant before = deployment.startedAt() != null ? deployment.startedAt() : deployment.finishedAt();
        return store.successfulBefore(deployment.application(), deployment.environment(), before, LIVE_BEFORE)
                .stream().filter(earlier -> !earlier.rollback() && !earlier.version().equals(deployment.version()))
                .map(Deployment::version).findFirst();
    }

    @Override
    public String changeRecorded(ChangeRecord change, Optional<ChangeRecord> previous) {
        return mappings.retrospectives().map(mapping -> {
            InclusionCriteria criteria = criteria(mapping);
            return act(criteria, criteria.judge(change, previous));
        }).orElse(NO_CRITERIA);
    }

    private InclusionCriteria criteria(RetrospectivesMapping mapping) {
        return new InclusionCriteria(mapping, majorIncidents.getIfAvailable(() -> NONE_KNOWN));
    }

    private String act(InclusionCriteria criteria, Judgement judgement) {
        List<String> decided = new ArrayList<>();
        if (judgement.trigger().isEmpty()) {
            log.debug("No retrospective: {}", judgement.reason());
            decided.add("no retrospective: " + judgement.reason());
        }
        judgement.trigger().ifPresent(trigger -> decided.add(queue(trigger)));
        judgement.failure().ifPresent(failure -> countTowardProgram(criteria, failure).ifPresent(decided::add));
        return String.join("; ", decided);
    }

    /**
     * Recorded once per release; the threshold is checked even for a release recorded before, so a trigger lost
     * between recording and queuing (a crash) is queued on the fact's next delivery. Releases are marked covered
     * only after their program retrospective is queued, for the same reason.
     */
    private Optional<String> countTowardProgram(InclusionCriteria criteria, FailedRelease failure) {
        failures.record(failure);
        return criteria.windowStart(failure).flatMap(from -> {
            List<FailedRelease> uncovered = failures.uncovered(failure.program(), from, failure.failedAt());
            return criteria.programTrigger(failure, uncovered).map(trigger -> {
                String queued = queue(trigger);
                failures.cover(trigger.releases(), trigger.key());
                return queued;
            });
        });
    }

    private String queue(RetrospectiveTrigger trigger) {
        InboundEvent event = InboundEvent.received(SOURCE, TriggerJson.KIND, trigger.key(),
                DedupKeys.of(TriggerJson.KIND, trigger.key()), clock.instant(), TriggerJson.write(trigger));
        if (inbox.accept(event)) {
            log.info("Retrospective {} queued ({} by rule {}, due {}): {}", trigger.key(), trigger.tier(),
                    trigger.ruleId(), trigger.due(), trigger.reason());
            return "retrospective " + trigger.key() + " queued (" + trigger.tier() + " by rule " + trigger.ruleId()
                    + ", due " + trigger.due() + ")";
        }
        log.debug("Retrospective {} was queued before", trigger.key());
        return "retrospective " + trigger.key() + " was queued before";
    }
}
