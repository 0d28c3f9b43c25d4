package io.retrobridge.pipeline.gitlab;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.gate.GateQuestions;
import io.retrobridge.gate.GateReply;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.SyncResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Answers a kept GitLab status check request: asks the gate about the merge request's HEAD (the project as the
 * application, {@code retrobridge.gate-hooks.gitlab.environment} as the environment) and sets the check's status for
 * that sha: ALLOW passed, DENY failed. A PENDING answer sets pending and is asked again after
 * {@code ask-again-after}, inside the two minutes GitLab waits before it fails a pending check, until the gate
 * decides. GitLab's 409 (the merge request has a new HEAD, which GitLab asks about anew) ends the request as
 * skipped. The decided answer is kept under the request, so running the event again sends the same status.
 * <p>
 * A DENY is asked again every {@code recheck-after} for {@code recheck-for}, each time as a question of its own:
 * when the follow-up that held the merge request back is done, the check turns passed without a new commit (GitLab's
 * own Retry resends the same request, which the inbox takes as the one already answered).
 */
@Component
class GitLabGateHandler implements EventHandler {

    private static final Logger log = LoggerFactory.getLogger(GitLabGateHandler.class);

    private final ObjectProvider<GateQuestions> gate;
    private final GitLabStatusChecks statusChecks;
    private final EventInbox inbox;
    private final GitLabGateHookProperties settings;
    private final Clock clock;

    GitLabGateHandler(ObjectProvider<GateQuestions> gate, GitLabStatusChecks statusChecks, EventInbox inbox,
            GitLabGateHookProperties settings, ObjectProvider<Clock> clock) {
        this.gate = gate;
        this.statusChecks = statusChecks;
        this.inbox = inbox;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Set<HandledKind> takes() {
        return Set.of(HandledKind.named(StatusCheckRequest.KIND).from(GitLabDeploymentReader.GITLAB));
    }

    @Override
    public Recording recording() {
        // The gate keeps its answer and the inbox the next ask on their own, before GitLab is told.
        return Recording.IN_ITS_OWN_TRANSACTIONS;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        StatusCheckRequest request = StatusCheckRequest.read(event.payload());
        GateQuestions questions = gate.getIfAvailable();
        if (questions == null) {
            throw new IllegalStateException("no deployment gate is running in this service, so GitLab status check "
                    + request.checkName() + " cannot be answered");
        }
        ReleaseQuestion question = new ReleaseQuestion(request.gate(), request.application(), null,
                settings.environment(), request.sha(), request.changeNumber(), request.requester());
        GateReply reply;
        try {
            reply = questions.ask(question, request.requestKey(), "gitlab");
        } catch (IllegalArgumentException refused) {
            // Nothing to wait for: the check fails at once, with the reason kept here.
            return tell(request, GitLabStatusChecks.Status.FAILED, "failed: the gate cannot take the question: "
                    + refused.getMessage());
        }
        String answer = reply.reason() + " (evaluation " + reply.evaluationId() + ", " + reply.statusUrl() + ")";
        return switch (reply.decision()) {
            case ALLOW -> tell(request, GitLabStatusChecks.Status.PASSED, "passed: " + answer);
            case DENY -> denied(request, answer);
            case PENDING -> pending(request, answer);
        };
    }

    private SyncResult pending(StatusCheckRequest request, String answer) {
        SyncResult told = tell(request, GitLabStatusChecks.Status.PENDING, "pending: " + answer);
        if (told.outcome() != InboxOutcome.APPLIED) {
            return told;
        }
        Instant now = clock.instant();
        Instant again = now.plus(settings.askAgainAfter());
        StatusCheckRequest next = request.next();
        inbox.accept(InboundEvent.received(GitLabDeploymentReader.GITLAB, StatusCheckRequest.KIND,
                next.entityId(), next.dedupKey() + "#ask-" + next.ask(), now, next.json()), again);
        return SyncResult.applied(told.reason() + "; asked again at " + again + " (ask " + next.ask() + ")");
    }

    private SyncResult denied(StatusCheckRequest request, String answer) {
        // GitLab was told failed at the first denial; a re-check that still denies does not say it again.
        SyncResult told = request.recheck() == 0
                ? tell(request, GitLabStatusChecks.Status.FAILED, "failed: " + answer)
                : SyncResult.applied("GitLab status check " + request.checkName() + " on project "
                        + request.projectId() + " !" + request.mergeRequestIid() + " at " + request.shortSha()
                        + " still failed: " + answer);
        if (told.outcome() != InboxOutcome.APPLIED) {
            return told;
        }
        Instant now = clock.instant();
        Instant firstDenied = request.deniedAt() == null ? now : request.deniedAt();
        Instant again = now.plus(settings.recheckAfter());
        if (settings.recheckFor().isZero() || again.isAfter(firstDenied.plus(settings.recheckFor()))) {
            return SyncResult.applied(told.reason() + "; not asked again (denied since " + firstDenied + ")");
        }
        StatusCheckRequest recheck = request.recheckAfterDenial(firstDenied);
        inbox.accept(InboundEvent.received(GitLabDeploymentReader.GITLAB, StatusCheckRequest.KIND,
                recheck.entityId(), recheck.dedupKey() + "#recheck-" + recheck.recheck(), now, recheck.json()), again);
        return SyncResult.applied(told.reason() + "; asked again at " + again + " in case what holds it is done");
    }

    private SyncResult tell(StatusCheckRequest request, GitLabStatusChecks.Status status, String what) {
        String check = "GitLab status check " + request.checkName() + " (" + request.checkId() + ") on project "
                + request.projectId() + " !" + request.mergeRequestIid() + " at " + request.shortSha();
        GitLabStatusChecks.Result result = statusChecks.set(request, status);
        if (result instanceof GitLabStatusChecks.Result.ShaMoved moved) {
            String reason = check + " not set to " + status.word() + ": " + request.shortSha() + " is no longer"
                    + " the merge request's HEAD (GitLab answered 409" + (moved.gitlabSaid() == null ? ""
                    : ": " + moved.gitlabSaid()) + "); GitLab asks again about the new HEAD";
            log.info("{}", reason);
            return SyncResult.skipped(reason);
        }
        log.info("{} {}", check, what);
        return SyncResult.applied(check + " " + what);
    }
}
