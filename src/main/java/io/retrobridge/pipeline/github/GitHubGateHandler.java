package io.retrobridge.pipeline.github;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateQuestions;
import io.retrobridge.gate.GateReply;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.SyncResult;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Answers a run waiting for the gate's deployment protection rule: asks the gate once per run and environment (the
 * gate keeps a decided answer under that key, so a redelivery or a retry never decides twice), then reviews the run
 * as the App's installation: ALLOW approves, DENY rejects, each with the reason and where the answer can be read.
 * PENDING posts a status report (GitHub shows at most 10 per deployment, so no more are sent) and asks again after
 * {@code ask-again-after}, as a new event of the same run, until the gate decides or {@code stop-asking-after}.
 * <p>
 * A callback URL that is not on {@code api-url} is never called: the event is parked saying so. A review GitHub
 * refuses because the run no longer waits (422) is skipped with GitHub's words; other failures are judged by the
 * inbox (5xx and timeouts run again, rate limits wait, the rest park for a replay), so nothing is lost.
 */
@Component
class GitHubGateHandler implements EventHandler {

    /** GitHub keeps 10 status reports per deployment. */
    static final int MAX_STATUS_REPORTS = 10;
    /** GitHub's limit for a review's comment. */
    static final int MAX_COMMENT = 1024;

    private static final Logger log = LoggerFactory.getLogger(GitHubGateHandler.class);

    private final GateQuestions gate;
    private final ObjectProvider<GitHubApi> api;
    private final EventInbox inbox;
    private final GitHubGateHookProperties settings;
    private final Clock clock;

    GitHubGateHandler(GateQuestions gate, ObjectProvider<GitHubApi> api, EventInbox inbox,
            GitHubGateHookProperties settings, ObjectProvider<Clock> clock) {
        this.gate = gate;
        this.api = api;
        this.inbox = inbox;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Set<HandledKind> takes() {
        return Set.of(HandledKind.named(GitHubGateHook.KIND).from(GitHubDeploymentReader.GITHUB));
    }

    @Override
    public Recording recording() {
        // The gate keeps its answer, and GitHub its review, whatever becomes of the event.
        return Recording.IN_ITS_OWN_TRANSACTIONS;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        GitHubGateRequest request = read(event);
        GitHubApi github = api.getIfAvailable();
        if (github == null) {
            throw new IllegalStateException("The GitHub App is not configured: set " + GitHubGateHookProperties.PREFIX
                    + ".app-id and .private-key, then replay this event to answer " + describe(request));
        }
        String callbackPath = github.callbackPath(request.callbackUrl()).orElseThrow(() -> new IllegalStateException(
                "Refused to call deployment_callback_url " + request.callbackUrl() + " of " + describe(request)
                        + ": it is not a deployment protection rule review URL on " + github.baseUrl() + " ("
                        + GitHubGateHookProperties.PREFIX + ".api-url). For GitHub Enterprise Server set api-url to "
                        + "https://HOST/api/v3, then replay this event"));
        GateReply reply;
        try {
            reply = gate.ask(question(request), request.requestKey(), "github");
        } catch (IllegalArgumentException unanswerable) {
            String why = "RetroBridge cannot ask gate `" + request.gate() + "` about this deployment: "
                    + unanswerable.getMessage();
            review(github, callbackPath, request, null, why);
            throw new IllegalStateException(why + " (" + describe(request) + ")", unanswerable);
        }
        return switch (reply.decision()) {
            case ALLOW -> decided(github, callbackPath, request, reply, "approved");
            case DENY -> decided(github, callbackPath, request, reply, "rejected");
            case PENDING -> pending(github, callbackPath, request, reply, event);
        };
    }

    private SyncResult decided(GitHubApi github, String callbackPath, GitHubGateRequest request, GateReply reply,
            String state) {
        GitHubApi.Review review = review(github, callbackPath, request, state, comment(request, reply, ""));
        if (review instanceof GitHubApi.NotWaiting notWaiting) {
            return SyncResult.skipped("GitHub no longer waits for " + describe(request) + " (" + reply.decision()
                    + " not sent): " + notWaiting.message());
        }
        log.info("Gate {} {} {}: {}", request.gate(), state, describe(request), reply.reason());
        return SyncResult.applied(state + " " + describe(request) + (reply.repeated() ? " (the answer given before)"
                : "") + ": " + reply.reason());
    }

    private SyncResult pending(GitHubApi github, String callbackPath, GitHubGateRequest request, GateReply reply,
            InboundEvent event) {
        Instant now = clock.instant();
        if (now.isAfter(request.firstReceivedAt().plus(settings.stopAskingAfter()))) {
            return SyncResult.skipped("Stopped asking about " + describe(request) + ": still PENDING "
                    + settings.stopAskingAfter() + " after GitHub first asked (" + GitHubGateHookProperties.PREFIX
                    + ".stop-asking-after); it waits for someone to approve or reject it in GitHub: " + reply.reason());
        }
        GitHubGateRequest next = request;
        String reported = "status report limit reached, none posted";
        if (request.statusReports() < MAX_STATUS_REPORTS) {
            GitHubApi.Review review = review(github, callbackPath, request, null, comment(request, reply,
                    "\n\nAsked again every " + settings.askAgainAfter().toString().substring(2).toLowerCase(Locale.ROOT)
                            + " until decided."));
            if (review instanceof GitHubApi.NotWaiting notWaiting) {
                return SyncResult.skipped("GitHub no longer waits for " + describe(request) + " (PENDING not "
                        + "reported, not asked again): " + notWaiting.message());
            }
            next = request.withStatusReport();
            reported = "status report " + next.statusReports() + " of " + MAX_STATUS_REPORTS + " posted";
        }
        Instant again = now.plus(settings.askAgainAfter());
        inbox.accept(InboundEvent.received(event.source(), event.kind(), event.entityId(),
                DedupKeys.of(GitHubGateHook.KIND, "again", event.id().toString()), now, next.toJson()), again);
        return SyncResult.applied("PENDING for " + describe(request) + ": " + reported + "; asked again at " + again
                + ": " + reply.reason());
    }

    private static GitHubApi.Review review(GitHubApi github, String callbackPath, GitHubGateRequest request,
            String state, String comment) {
        return github.review(callbackPath, request.installationId(), request.repositoryId(), request.environment(),
                state, comment);
    }

    private static ReleaseQuestion question(GitHubGateRequest request) {
        return new ReleaseQuestion(request.gate(), request.application(), request.version(),
                request.environment().toLowerCase(Locale.ROOT), request.sha(), request.changeNumber(),
                "github:" + (request.requester() == null ? request.repository() : request.requester()));
    }

    /** The gate's reason and where to read the whole answer, within GitHub's 1,024 characters. */
    static String comment(GitHubGateRequest request, GateReply reply, String more) {
        String head = "RetroBridge gate `" + request.gate() + "`: ";
        String tail = "\n\nDetails: " + reply.statusUrl() + more;
        int room = MAX_COMMENT - head.length() - tail.length();
        String reason = reply.reason().length() <= room ? reply.reason()
                : reply.reason().substring(0, Math.max(0, room - 3)) + "...";
        String comment = head + reason + tail;
        return comment.length() <= MAX_COMMENT ? comment : comment.substring(0, MAX_COMMENT);
    }

    private static String describe(GitHubGateRequest request) {
        return "run " + request.runId() + " of " + request.repository() + " to " + request.environment();
    }

    private static GitHubGateRequest read(InboundEvent event) {
        try {
            return GitHubGateRequest.fromJson(event.payload());
        } catch (IllegalArgumentException e) {
            // It was written at intake; unreadable now means the format changed since. Parked, to be replayed.
            throw new IllegalStateException("The stored " + event.kind() + " event cannot be read: " + e.getMessage());
        }
    }
}
