package io.retrobridge.pipeline.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateReply;
import io.retrobridge.sync.ClaimedEvent;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteSystem;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The handler's own rules, with GitHub and the inbox played in memory: how long it asks, and what it writes. */
class GitHubGateHandlerTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String BASE = "https://api.github.com";
    static final ObjectMapper JSON = new ObjectMapper();

    final List<OutboundRequest> sent = new ArrayList<>();
    final List<InboundEvent> askedAgain = new ArrayList<>();
    final List<Instant> notBefore = new ArrayList<>();

    @Test
    void aRunStillPendingAfterStopAskingAfterIsNoLongerAskedNorReported() {
        GitHubGateHandler handler = handler(GateDecision.PENDING, "PENDING: facts still being gathered");

        SyncResult result = handler.handle(event(request(NOW.minus(Duration.ofDays(31)), 3)));

        assertThat(result.outcome()).isEqualTo(InboxOutcome.SKIPPED);
        assertThat(result.reason()).contains("Stopped asking about run 42").contains("stop-asking-after");
        assertThat(sent).isEmpty();
        assertThat(askedAgain).isEmpty();
    }

    @Test
    void aPendingRunIsReportedAndAskedAgainOnceAsANewEventOfTheSameRun() throws Exception {
        GitHubGateHandler handler = handler(GateDecision.PENDING, "PENDING: facts still being gathered");
        InboundEvent first = event(request(NOW.minusSeconds(60), 2));

        handler.handle(first);
        handler.handle(first);

        assertThat(askedAgain).hasSize(2).extracting(InboundEvent::dedupKey).containsOnly(askedAgain.get(0).dedupKey());
        assertThat(askedAgain.get(0).entityId()).isEqualTo(first.entityId());
        assertThat(notBefore).containsOnly(NOW.plus(Duration.ofMinutes(1)));
        assertThat(GitHubGateRequest.fromJson(askedAgain.get(0).payload()).statusReports()).isEqualTo(3);
        List<OutboundRequest> reviews = sent.stream().filter(r -> r.path().endsWith("deployment_protection_rule"))
                .toList();
        assertThat(reviews).hasSize(2);
        assertThat(JSON.readTree(reviews.get(0).body()).has("state")).isFalse();
    }

    @Test
    void aLongReasonIsCutSoTheCommentKeepsItsLinkWithinGitHubs1024Characters() throws Exception {
        GitHubGateHandler handler = handler(GateDecision.DENY, "DENY: " + "payment-gateway waits for PAY-31. "
                .repeat(60));

        handler.handle(event(request(NOW.minusSeconds(60), 0)));

        JsonNode review = JSON.readTree(sent.get(sent.size() - 1).body());
        assertThat(review.path("state").asText()).isEqualTo("rejected");
        assertThat(review.path("comment").asText()).hasSizeLessThanOrEqualTo(1024).contains("...")
                .endsWith("Details: https://retrobridge.example.com/api/gates/evaluations/e1");
    }

    private GitHubGateHandler handler(GateDecision decision, String reason) {
        GateReply reply = new GateReply(UUID.randomUUID(), decision, reason,
                "https://retrobridge.example.com/api/gates/evaluations/e1", "{}", false);
        RemoteSystem github = new RemoteSystem(new HttpTarget(GitHubApi.SYSTEM, URI.create(BASE),
                Duration.ofSeconds(1), Duration.ofSeconds(1)), Credentials.none(), (target, request) -> {
                    sent.add(request);
                    return request.path().endsWith("/access_tokens")
                            ? new OutboundResponse(201, Map.of(), "{\"token\":\"ghs_x\",\"expires_at\":\""
                                    + NOW.plus(Duration.ofHours(1)) + "\"}")
                            : new OutboundResponse(204, Map.of(), "");
                });
        GitHubApi api = new GitHubApi(github, new GitHubAppJwt("1", GitHubAppKey.read(
                GitHubAppFiles.text(GitHubAppFiles.PKCS1), "test"), CLOCK), CLOCK);
        GitHubGateHookProperties settings = new GitHubGateHookProperties("s", "1", "k", URI.create(BASE),
                Duration.ofMinutes(1), Duration.ofDays(30), Duration.ofMinutes(5), Duration.ofHours(1),
                Duration.ofSeconds(5), Duration.ofSeconds(20));
        return new GitHubGateHandler((question, key, remote) -> reply,
                new StaticListableBeanFactory(Map.of("api", api)).getBeanProvider(GitHubApi.class), inbox(),
                settings, new StaticListableBeanFactory(Map.of("clock", CLOCK)).getBeanProvider(Clock.class));
    }

    private static GitHubGateRequest request(Instant firstReceivedAt, int statusReports) {
        return new GitHubGateRequest("prod", "payment-gateway", "production", "4.3.0",
                "9fceb02d0ae598e95dc970b74767f19372d61af8", "4.3.0", null, "octo-org/payment-gateway", 7L, "42", "99", BASE
                        + "/repos/octo-org/payment-gateway/actions/runs/42/deployment_protection_rule", 5L, "d-1",
                "octocat", firstReceivedAt, statusReports);
    }

    private static InboundEvent event(GitHubGateRequest request) {
        return new InboundEvent(UUID.fromString("00000000-0000-0000-0000-000000000042"),
                GitHubDeploymentReader.GITHUB, GitHubGateHook.KIND, request.entityId(), "github:dpr:42", NOW,
                request.toJson());
    }

    /** Keeps what is asked again, and whether it was seen: the same dedup key twice is one event. */
    private EventInbox inbox() {
        return new EventInbox() {
            @Override
            public boolean accept(InboundEvent event) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean accept(InboundEvent event, Instant at) {
                askedAgain.add(event);
                notBefore.add(at);
                return askedAgain.stream().filter(e -> e.dedupKey().equals(event.dedupKey())).count() == 1;
            }

            @Override
            public List<ClaimedEvent> claimNext(int max) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void complete(ClaimedEvent claim, InboxOutcome outcome, String reason) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean defer(ClaimedEvent claim, String reason, Instant at) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean renew(ClaimedEvent claim) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean handBack(ClaimedEvent claim) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int releaseClaimsBefore(Instant claimedBefore) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long pendingCount() {
                return askedAgain.size();
            }

            @Override
            public long dueCount(Instant now) {
                return 0;
            }
        };
    }
}
