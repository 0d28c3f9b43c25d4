package io.retrobridge.gate.changes;

import io.retrobridge.domain.Deployment;
import io.retrobridge.gate.GateAnswerListener;
import io.retrobridge.gate.GateReply;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.EventInbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Queues one inbox event for each new gate answer about a change request, when {@code gates.yaml} has answers
 * written to ServiceNow. The caller is waiting for the answer, so nothing here calls ServiceNow: the event's handler
 * writes it. A repeated answer, or one about no change, queues nothing.
 *
 * <p>The change is the caller's {@code changeNumber}. Without one it is the change a reported deployment run of the
 * same application, environment and version carries out, looked for among the runs of the last
 * {@link #DEPLOYMENT_LOOKBACK}: one range read of the deployment store's (application, environment, time) index.
 * The change record store cannot be asked instead: a change request names its configuration item, not an
 * application and version, so only a deployment ties the two together.
 */
@Component
public class GateDecisionQueue implements GateAnswerListener {

    /** How far back a deployment run of the same release is looked for when the caller names no change. */
    static final Duration DEPLOYMENT_LOOKBACK = Duration.ofDays(1);
    /** A change number as the gate accepts one from a caller; a run's own may be anything its pipeline sent. */
    private static final Pattern CHANGE_NUMBER = Pattern.compile("[A-Z]{2,10}[0-9]{1,30}");

    private final EventInbox inbox;
    private final CurrentMappings mappings;
    private final ObjectProvider<DeploymentStore> deployments;
    private final Clock clock;

    public GateDecisionQueue(EventInbox inbox, CurrentMappings mappings, ObjectProvider<DeploymentStore> deployments,
                             ObjectProvider<Clock> clock) {
        this.inbox = inbox;
        this.mappings = mappings;
        this.deployments = deployments;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public void answered(ReleaseQuestion question, GateReply reply) {
        if (reply.repeated() || !writesToServiceNow()) {
            return;
        }
        Instant now = clock.instant();
        changeOf(question, now).ifPresent(change -> inbox.accept(GateDecisionEvent.of(change, reply.evaluationId(),
                reply.answerJson(), now)));
    }

    private boolean writesToServiceNow() {
        return mappings.gates().map(GatePolicy::write).flatMap(write -> write.toServiceNow()).isPresent();
    }

    private Optional<String> changeOf(ReleaseQuestion question, Instant now) {
        if (question.changeNumber() != null) {
            return Optional.of(question.changeNumber());
        }
        DeploymentStore store = deployments.getIfAvailable();
        if (store == null || question.version() == null) {
            return Optional.empty();
        }
        return store.between(question.application(), question.environment().toLowerCase(Locale.ROOT), now.minus(DEPLOYMENT_LOOKBACK),
                        now.plusSeconds(1)).stream()
                .filter(run -> question.version().equals(run.version()))
                .map(Deployment::changeNumber).filter(number -> number != null
                        && CHANGE_NUMBER.matcher(number).matches())
                .findFirst();
    }
}
