package io.retrobridge.pipeline.azuredevops;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.gate.GateQuestions;
import io.retrobridge.gate.GateReply;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.SyncResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Answers a kept Azure DevOps check: asks the gate about the release the check's body names and completes the check
 * task with TaskCompleted: ALLOW succeeded, DENY failed. A PENDING answer sends nothing (the check simply waits) and
 * is asked again after {@code ask-again-after} until the gate decides. The decided answer is kept under the check, so
 * running the event again sends the same result; the job token is opened only for the call.
 */
@Component
class AzureDevOpsGateHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(AzureDevOpsGateHandler.class);

    private final ObjectProvider<GateQuestions> gate;
    private final CheckCallbacks callbacks;
    private final JobTokenSeal seal;
    private final EventInbox inbox;
    private final AzureDevOpsGateHookProperties settings;
    private final Clock clock;

    AzureDevOpsGateHandler(ObjectProvider<GateQuestions> gate, CheckCallbacks callbacks, JobTokenSeal seal,
            EventInbox inbox, AzureDevOpsGateHookProperties settings, ObjectProvider<Clock> clock) {
        this.gate = gate;
        this.callbacks = callbacks;
        this.seal = seal;
        this.inbox = inbox;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Set<HandledKind> takes() {
        return Set.of(HandledKind.named(CheckRequest.KIND).from(AzureDevOpsDeploymentReader.AZURE_DEVOPS));
    }

    @Override
    public Recording recording() {
        // The gate keeps its answer and the inbox the next ask on their own, before Azure DevOps is told.
        return Recording.IN_ITS_OWN_TRANSACTIONS;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        CheckRequest check = CheckRequest.read(event.payload());
        GateQuestions questions = gate.getIfAvailable();
        if (questions == null) {
            throw new IllegalStateException("no deployment gate is running in this service, so Azure DevOps check"
                    + " task " + check.taskInstanceId() + " cannot be answered");
        }
        ReleaseQuestion question = new ReleaseQuestion(check.gate(), check.application(), check.version(),
                check.environment(), check.commitSha(), check.changeNumber(), "azure-devops:plan-" + check.planId());
        GateReply reply;
        try {
            reply = questions.ask(question, check.requestKey(), "azure-devops");
        } catch (IllegalArgumentException refused) {
            // Nothing to wait for: the check fails at once, with the reason kept here.
            return complete(check, CheckCallbacks.Result.FAILED, "failed: the gate cannot take the question: "
                    + refused.getMessage());
        }
        String answer = reply.reason() + " (evaluation " + reply.evaluationId() + ", " + reply.statusUrl() + ")";
        return switch (reply.decision()) {
            case ALLOW -> complete(check, CheckCallbacks.Result.SUCCEEDED, "succeeded: " + answer);
            case DENY -> complete(check, CheckCallbacks.Result.FAILED, "failed: " + answer);
            case PENDING -> askAgain(check, answer);
        };
    }

    private SyncResult askAgain(CheckRequest check, String answer) {
        Instant now = clock.instant();
        Instant again = now.plus(settings.askAgainAfter());
        CheckRequest next = check.next();
        inbox.accept(InboundEvent.received(AzureDevOpsDeploymentReader.AZURE_DEVOPS, CheckRequest.KIND,
                next.entityId(), next.dedupKey() + "#ask-" + next.ask(), now, next.json()), again);
        String waits = describe(check) + " waits: " + answer + "; asked again at " + again + " (ask " + next.ask()
                + ")";
        log.info("{}", waits);
        return SyncResult.applied(waits);
    }

    private SyncResult complete(CheckRequest check, CheckCallbacks.Result result, String what) {
        callbacks.complete(check, seal.open(check.sealedToken(), check.sealedFor()), result);
        log.info("{} completed as {}", describe(check), what);
        return SyncResult.applied(describe(check) + " completed as " + what);
    }

    private static String describe(CheckRequest check) {
        return "Azure DevOps check task " + check.taskInstanceId() + " of plan " + check.planId() + " ("
                + check.application() + " to " + check.environment() + ")";
    }
}
