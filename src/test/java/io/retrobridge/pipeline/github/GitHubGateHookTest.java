package io.retrobridge.pipeline.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.retrobridge.pipeline.PipelineDeliveries.hmac;
import static io.retrobridge.pipeline.PipelineDeliveries.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateQuestions;
import io.retrobridge.gate.GateReply;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.pipeline.PipelineDeliveries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * GitHub's custom deployment protection rule end to end: GitHub's signed {@code deployment_protection_rule} delivery
 * at {@code /api/gates/hooks/github}, the inbox, the gate, and GitHub's REST API (WireMock, answering and misbehaving
 * as GitHub documents) for the installation token and the review. Each test asks about a run and an installation of
 * its own, so the gate's kept answers and the token cache of one test never answer another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(GitHubGateHookTest.Scripted.class)
@ExtendWith(OutputCaptureExtension.class)
class GitHubGateHookTest {

    /** This caller's events, not those the gate queues for the change request the fixture names. */
    private static final String HOOK_EVENTS = " WHERE event_kind NOT LIKE 'gate:%'";

    static final String SECRET = "test-github-app-webhook-secret";
    static final String APP_ID = "123456";
    static final String HOOK = "/api/gates/hooks/github?gate=prod";
    static final String REVIEWS = "/repos/Codertocat/Hello-World/actions/runs/[0-9]+/deployment_protection_rule";
    static final WireMockServer github = new WireMockServer(options().dynamicPort());
    static final AtomicLong runs = new AtomicLong(8137382131L);
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InboxWorker worker;
    @Autowired
    ScriptedGate gate;
    @Autowired
    GitHubDeliveryReconciler reconciler;

    PipelineDeliveries deliver;
    long run;

    @DynamicPropertySource
    static void githubApp(DynamicPropertyRegistry registry) {
        github.start();
        registry.add("retrobridge.gate-hooks.github.api-url", github::baseUrl);
        registry.add("retrobridge.gate-hooks.github.app-id", () -> APP_ID);
        registry.add("retrobridge.gate-hooks.github.private-key", () -> GitHubAppFiles.text(GitHubAppFiles.PKCS1));
        registry.add("retrobridge.gate-hooks.github.webhook-secret", () -> SECRET);
        registry.add("retrobridge.gate-hooks.github.ask-again-after", () -> "50ms");
        registry.add("retrobridge.gate-hooks.github.reconcile-interval", () -> "1h");
        registry.add("retrobridge.gate-hooks.github.read-timeout", () -> "3s");
        registry.add("retrobridge.gates.public-url", () -> "https://retrobridge.example.com");
        registry.add("retrobridge.resilience.github-api.max-attempts", () -> "3");
        registry.add("retrobridge.resilience.github-api.initial-backoff", () -> "1ms");
        registry.add("retrobridge.resilience.github-api.max-backoff", () -> "2s");
    }

    @AfterAll
    static void stopGitHub() {
        github.stop();
    }

    /** The real gate, unless a test scripts its next decisions. */
    @TestConfiguration
    static class Scripted {
        @Bean
        @Primary
        ScriptedGate scriptedGate(@Qualifier("gateEvaluator") GateQuestions real) {
            return new ScriptedGate(real);
        }
    }

    static final class ScriptedGate implements GateQuestions {
        final GateQuestions real;
        final ConcurrentLinkedDeque<GateDecision> next = new ConcurrentLinkedDeque<>();
        final AtomicInteger asked = new AtomicInteger();
        volatile ReleaseQuestion lastQuestion;
        volatile String lastKey;

        ScriptedGate(GateQuestions real) {
            this.real = real;
        }

        @Override
        public GateReply ask(ReleaseQuestion question, String requestKey, String remote) {
            asked.incrementAndGet();
            lastQuestion = question;
            lastKey = requestKey;
            GateDecision scripted = next.poll();
            if (scripted == null) {
                return real.ask(question, requestKey, remote);
            }
            UUID id = UUID.randomUUID();
            return new GateReply(id, scripted, scripted + ": payment-gateway has 2 open immediate fixes (PAY-17, "
                    + "PAY-19)", "https://retrobridge.example.com/api/gates/evaluations/" + id, "{}", false);
        }
    }

    @BeforeEach
    void freshRun() {
        deliver = new PipelineDeliveries(port, jdbc);
        deliver.emptyInbox();
        jdbc.sql("DELETE FROM dead_letters").update();
        github.resetAll();
        gate.next.clear();
        gate.asked.set(0);
        run = runs.incrementAndGet();
        github.stubFor(post(urlPathMatching("/app/installations/[0-9]+/access_tokens")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"token\":\"ghs_test"
                        + run + "\",\"expires_at\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\","
                        + "\"permissions\":{\"deployments\":\"write\"},\"repository_selection\":\"selected\"}")));
        github.stubFor(post(urlPathMatching(REVIEWS)).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void gitHubsSignedRequestIsKeptOnceDecidedOnceAndApprovedWithOneReviewAsTheInstallation(CapturedOutput output)
            throws Exception {
        String body = request(root -> { });

        HttpResponse forged = hook(body, "deployment_protection_rule", "d-0", hmac(body, "some-other-secret"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(deliver.stored()).isEmpty();

        HttpResponse accepted = hook(body, "deployment_protection_rule", "d-1", hmac(body, SECRET));
        HttpResponse redelivered = hook(body, "deployment_protection_rule", "d-2", hmac(body, SECRET));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(json(redelivered.raw()).path("status").asText()).isEqualTo("duplicate");
        List<Map<String, Object>> stored = deliver.stored();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).containsEntry("EVENT_KIND", "github:deployment_protection_rule")
                .containsEntry("ENTITY_ID", "Codertocat/Hello-World/actions/runs/" + run)
                .containsEntry("DEDUP_KEY", "github:deployment_protection_rule:Codertocat/Hello-World:" + run
                        + ":production:145988746");
        JsonNode kept = JSON.readTree((String) stored.get(0).get("PAYLOAD"));
        assertThat(kept.path("gate").asText()).isEqualTo("prod");
        assertThat(kept.path("application").asText()).isEqualTo("Hello-World");
        assertThat(kept.path("environment").asText()).isEqualTo("production");
        assertThat(kept.path("sha").asText()).isEqualTo("f95f852bd8fca8fcc58a9a2d6c842781e32a215e");
        assertThat(kept.path("ref").asText()).isEqualTo("master");
        assertThat(kept.path("installationId").asLong()).isEqualTo(run);
        assertThat(kept.path("deliveryId").asText()).isEqualTo("d-1");
        assertThat(kept.path("callbackUrl").asText()).isEqualTo(github.baseUrl() + reviewPath());
        assertThat(kept.toString()).doesNotContain(SECRET, "avatar_url", "sender");

        drain();
        HttpResponse replayed = hook(body, "deployment_protection_rule", "d-3", hmac(body, SECRET));
        drain();

        assertThat(json(replayed.raw()).path("status").asText()).isEqualTo("duplicate");
        assertThat(gate.asked).hasValue(1);
        assertThat(gate.lastKey).isEqualTo("github:Codertocat/Hello-World:" + run + ":production:145988746");
        assertThat(gate.lastQuestion.application()).isEqualTo("Hello-World");
        assertThat(gate.lastQuestion.environment()).isEqualTo("production");
        assertThat(gate.lastQuestion.commitSha()).isEqualTo("f95f852bd8fca8fcc58a9a2d6c842781e32a215e");
        assertThat(gate.lastQuestion.version()).isEqualTo("f95f852bd8fca8fcc58a9a2d6c842781e32a215e");

        List<LoggedRequest> reviews = reviews();
        assertThat(reviews).hasSize(1);
        JsonNode review = JSON.readTree(reviews.get(0).getBodyAsString());
        assertThat(review.path("environment_name").asText()).isEqualTo("production");
        assertThat(review.path("state").asText()).isEqualTo("approved");
        assertThat(review.path("comment").asText()).startsWith("RetroBridge gate `prod`: ALLOW")
                .contains("Details: https://retrobridge.example.com/api/gates/evaluations/").hasSizeLessThan(1025);
        assertThat(reviews.get(0).getHeader("Authorization")).isEqualTo("Bearer ghs_test" + run);
        assertThat(reviews.get(0).getHeader("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(reviews.get(0).getHeader("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(status()).isEqualTo("APPLIED");

        List<LoggedRequest> exchanges = github.findAll(postRequestedFor(urlPathEqualTo("/app/installations/" + run
                + "/access_tokens")));
        assertThat(exchanges).hasSize(1);
        assertThat(JSON.readTree(exchanges.get(0).getBodyAsString())).isEqualTo(JSON.readTree(
                "{\"repository_ids\":[186853002],\"permissions\":{\"deployments\":\"write\"}}"));
        assertAppToken(exchanges.get(0));
        assertThat(output.getAll()).doesNotContain(SECRET, "ghs_test" + run, "BEGIN RSA PRIVATE KEY");
    }

    @Test
    void aBodyBeyondTheLimitIs413AndNothingIsStored() {
        String huge = request(root -> root.put("padding", "x".repeat(1100 * 1024)));

        HttpResponse response = hook(huge, "deployment_protection_rule", "d-1", hmac(huge, SECRET));

        assertThat(response.status()).isEqualTo(413);
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void pingAndOtherActionsAreAcknowledgedAndIgnoredAndAnIncompleteRequestIs400NamingTheField() {
        String ping = "{\"zen\":\"Design for failure.\",\"hook_id\":1}";
        String completed = request(root -> root.put("action", "completed"));
        HttpResponse pinged = hook(ping, "ping", "d-1", hmac(ping, SECRET));
        HttpResponse other = hook(completed, "deployment_protection_rule", "d-2", hmac(completed, SECRET));

        for (HttpResponse ignored : List.of(pinged, other)) {
            assertThat(ignored.status()).as(ignored.body()).isEqualTo(200);
            assertThat(json(ignored.raw()).path("status").asText()).isEqualTo("ignored");
        }
        assertThat(json(pinged.raw()).path("reason").asText()).contains("'ping'");

        for (String field : List.of("deployment_callback_url", "environment", "installation")) {
            String incomplete = request(root -> root.remove(field));
            HttpResponse refused = hook(incomplete, "deployment_protection_rule", "d-3", hmac(incomplete, SECRET));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(json(refused.raw()).path("error").asText()).startsWith(field);
        }
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void aDeniedRunIsRejectedWithTheGatesReason() throws Exception {
        gate.next.add(GateDecision.DENY);

        accept(request(root -> { }));
        drain();

        JsonNode review = JSON.readTree(reviews().get(0).getBodyAsString());
        assertThat(reviews()).hasSize(1);
        assertThat(review.path("state").asText()).isEqualTo("rejected");
        assertThat(review.path("comment").asText()).contains("DENY: payment-gateway has 2 open immediate fixes")
                .contains("Details: https://retrobridge.example.com/api/gates/evaluations/");
    }

    /** Re-running a rejected run's jobs deploys anew: a new question, so a follow-up done since lets it through. */
    @Test
    void reRunningTheJobsOfARejectedRunAsksTheGateAgainForTheNewDeployment() {
        gate.next.add(GateDecision.DENY);
        accept(request(root -> { }));
        drain();

        String rerun = request(root -> ((ObjectNode) root.get("deployment")).put("id", 145988747L));
        HttpResponse response = hook(rerun, "deployment_protection_rule", "d-rerun-" + run, hmac(rerun, SECRET));
        drain();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(reviews()).extracting(GitHubGateHookTest::state).containsExactly("rejected", "approved");
        assertThat(gate.lastKey).endsWith(":" + run + ":production:145988747");
    }

    @Test
    void aPendingRunGetsStatusReportsAndIsAskedAgainUntilApproved() throws Exception {
        gate.next.add(GateDecision.PENDING);
        gate.next.add(GateDecision.PENDING);

        accept(request(root -> { }));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            drain();
            assertThat(reviews()).extracting(GitHubGateHookTest::state).contains("approved");
        });

        List<String> states = reviews().stream().map(GitHubGateHookTest::state).toList();
        assertThat(states).containsExactly("", "", "approved");
        JsonNode report = JSON.readTree(reviews().get(0).getBodyAsString());
        assertThat(report.has("state")).isFalse();
        assertThat(report.path("environment_name").asText()).isEqualTo("production");
        assertThat(report.path("comment").asText()).contains("PENDING").contains("Asked again every 0.05s");
        assertThat(gate.asked).hasValue(3);
    }

    @Test
    void statusReportsStopAtGitHubsTenWhileTheGateIsStillAskedUntilItDecides() {
        for (int i = 0; i < 12; i++) {
            gate.next.add(GateDecision.PENDING);
        }
        gate.next.add(GateDecision.ALLOW);

        accept(request(root -> { }));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            drain();
            assertThat(reviews()).extracting(GitHubGateHookTest::state).contains("approved");
        });

        List<String> states = reviews().stream().map(GitHubGateHookTest::state).toList();
        assertThat(states).hasSize(GitHubGateHandler.MAX_STATUS_REPORTS + 1).endsWith("approved")
                .filteredOn(String::isEmpty).hasSize(GitHubGateHandler.MAX_STATUS_REPORTS);
        assertThat(gate.asked).hasValue(13);
    }

    @Test
    void aQuestionTheGateCannotTakeIsReportedToTheRunAndParked() throws Exception {
        accept(request(root -> root.put("environment", "Production EU")));
        drain();

        assertThat(status()).isEqualTo("PARKED");
        assertThat(reason()).contains("RetroBridge cannot ask gate `prod` about this deployment");
        JsonNode report = JSON.readTree(reviews().get(0).getBodyAsString());
        assertThat(reviews()).hasSize(1);
        assertThat(report.has("state")).isFalse();
        assertThat(report.path("environment_name").asText()).isEqualTo("Production EU");
        assertThat(report.path("comment").asText()).contains("environment");
    }

    @Test
    void anInstallationTokenIsKeptUntilFiveMinutesBeforeItExpires() {
        long installation = run;
        accept(request(root -> { }));
        run = runs.incrementAndGet();
        accept(request(root -> ((ObjectNode) root.get("installation")).put("id", installation)));
        drain();

        assertThat(github.findAll(postRequestedFor(urlPathEqualTo("/app/installations/" + installation
                + "/access_tokens")))).hasSize(1);

        github.stubFor(post(urlPathMatching("/app/installations/[0-9]+/access_tokens")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"token\":\"ghs_short"
                        + "\",\"expires_at\":\"" + Instant.now().plus(Duration.ofMinutes(4)) + "\"}")));
        long shortLived = runs.incrementAndGet();
        for (int i = 0; i < 2; i++) {
            run = runs.incrementAndGet();
            accept(request(root -> ((ObjectNode) root.get("installation")).put("id", shortLived)));
        }
        drain();

        assertThat(github.findAll(postRequestedFor(urlPathEqualTo("/app/installations/" + shortLived
                + "/access_tokens")))).hasSize(2);
        assertThat(reviews()).hasSize(4);
    }

    @Test
    void aReviewRateLimitedWithRetryAfterIsSentAgainOnceGitHubSaysSo() {
        github.stubFor(post(urlPathMatching(REVIEWS)).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}"))
                .willSetStateTo("calm"));
        github.stubFor(post(urlPathMatching(REVIEWS)).inScenario("limited").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(204)));

        accept(request(root -> { }));
        drain();

        assertThat(status()).as(reason()).isEqualTo("APPLIED");
        assertThat(reviews()).hasSize(2).allSatisfy(review -> assertThat(state(review)).isEqualTo("approved"));
    }

    @Test
    void aCallbackUrlOffTheConfiguredApiIsRefusedRecordedAndNeverCalled() {
        accept(request(root -> root.put("deployment_callback_url",
                "https://evil.example.com/repos/Codertocat/Hello-World/actions/runs/" + run
                        + "/deployment_protection_rule")));
        drain();

        assertThat(status()).isEqualTo("PARKED");
        assertThat(reason()).contains("Refused to call deployment_callback_url https://evil.example.com/");
        assertThat(jdbc.sql("SELECT error FROM dead_letters" + HOOK_EVENTS).query(String.class).list()).singleElement()
                .asString().contains("retrobridge.gate-hooks.github.api-url");
        assertThat(github.getAllServeEvents()).isEmpty();
        assertThat(gate.asked).hasValue(0);
    }

    @Test
    void aReviewOfARunThatNoLongerWaitsIsSkippedWithGitHubsWordsAndNotRetried() {
        github.stubFor(post(urlPathMatching(REVIEWS)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"No pending custom deployment "
                        + "requests in workflow run `" + run + "` to approve or reject\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/actions/workflow-runs\",\"status\":\"422\"}")));

        accept(request(root -> { }));
        drain();

        assertThat(status()).isEqualTo("SKIPPED");
        assertThat(reason()).contains("GitHub no longer waits for run " + run)
                .contains("No pending custom deployment requests in workflow run");
        assertThat(reviews()).hasSize(1);
    }

    @Test
    void serverErrorsAndASlowAnswerAreTriedAgainUntilGitHubTakesTheReview() {
        github.stubFor(post(urlPathMatching(REVIEWS)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("slow"));
        github.stubFor(post(urlPathMatching(REVIEWS)).inScenario("flaky").whenScenarioStateIs("slow")
                .willReturn(aResponse().withStatus(204).withFixedDelay(6000)).willSetStateTo("fine"));
        github.stubFor(post(urlPathMatching(REVIEWS)).inScenario("flaky").whenScenarioStateIs("fine")
                .willReturn(aResponse().withStatus(204)));

        accept(request(root -> { }));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            drain();
            assertThat(status()).isIn("APPLIED", "PARKED");
        });

        assertThat(status()).as(reason()).isEqualTo("APPLIED");
        assertThat(reviews()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(review ->
                assertThat(state(review)).isEqualTo("approved"));
        assertThat(gate.asked.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRateLimitedReviewWaitsUntilGitHubsResetInsteadOfBeingParked() {
        long reset = Instant.now().plus(Duration.ofMinutes(30)).getEpochSecond();
        github.stubFor(post(urlPathMatching(REVIEWS)).willReturn(aResponse().withStatus(403)
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", String.valueOf(reset))
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"API rate limit exceeded for installation ID " + run + ".\"}")));

        accept(request(root -> { }));
        drain();

        assertThat(status()).isEqualTo("PENDING");
        assertThat(reason()).contains("rate limit").contains("API rate limit exceeded");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dead_letters").query(Long.class).single()).isZero();
        assertThat(reviews()).hasSize(1);
    }

    @Test
    void aRunTheAppMayNotReviewIsParkedSayingWhichPermissionsItNeeds() {
        github.stubFor(post(urlPathMatching(REVIEWS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));

        accept(request(root -> { }));
        drain();

        assertThat(status()).isEqualTo("PARKED");
        assertThat(reason()).contains("answered 404").contains("Deployments (read and write)");
    }

    @Test
    void aRefusedInstallationTokenIsFetchedAgainOnce() {
        github.stubFor(post(urlPathMatching(REVIEWS)).inScenario("revoked").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}"))
                .willSetStateTo("fresh"));
        github.stubFor(post(urlPathMatching(REVIEWS)).inScenario("revoked").whenScenarioStateIs("fresh")
                .willReturn(aResponse().withStatus(204)));

        accept(request(root -> { }));
        drain();

        assertThat(status()).as(reason()).isEqualTo("APPLIED");
        assertThat(github.findAll(postRequestedFor(urlPathEqualTo("/app/installations/" + run + "/access_tokens"))))
                .hasSize(2);
        assertThat(reviews()).hasSize(2);
    }

    @Test
    void theReconcilerRedeliversAFailedDeliveryOnceAndLeavesSucceededOnesAlone() throws Exception {
        Instant now = Instant.now();
        github.stubFor(get(urlPathEqualTo("/app/hook/deliveries")).withQueryParam("cursor", equalTo("v1_older"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("["
                        + delivery(10, "guid-old", now.minus(Duration.ofHours(5)), false, 502,
                                "deployment_protection_rule") + "]")));
        github.stubFor(get(urlPathEqualTo("/app/hook/deliveries")).withQueryParam("per_page", equalTo("100"))
                .atPriority(10).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("Link", "<" + github.baseUrl() + "/app/hook/deliveries?per_page=100&cursor="
                                + "v1_older>; rel=\"next\"")
                        .withBody("[" + String.join(",",
                                delivery(15, "guid-later-fine", now.minusSeconds(30), true, 200,
                                        "deployment_protection_rule"),
                                delivery(14, "guid-failed", now.minusSeconds(60), false, 502,
                                        "deployment_protection_rule"),
                                delivery(13, "guid-later-fine", now.minusSeconds(90), false, 0,
                                        "deployment_protection_rule"),
                                delivery(12, "guid-fine", now.minusSeconds(120), false, 200,
                                        "deployment_protection_rule"),
                                delivery(11, "guid-push", now.minusSeconds(150), false, 500, "push")) + "]")));
        github.stubFor(post(urlPathMatching("/app/hook/deliveries/[0-9]+/attempts"))
                .willReturn(aResponse().withStatus(202).withBody("{}")));

        GitHubDeliveryReconciler.Round first = reconciler.reconcile();
        GitHubDeliveryReconciler.Round second = reconciler.reconcile();

        assertThat(first).isEqualTo(new GitHubDeliveryReconciler.Round(5, 1, 1, 0));
        assertThat(second).isEqualTo(new GitHubDeliveryReconciler.Round(5, 1, 0, 0));
        assertThat(github.findAll(postRequestedFor(urlPathMatching("/app/hook/deliveries/[0-9]+/attempts"))))
                .extracting(LoggedRequest::getUrl).containsExactly("/app/hook/deliveries/14/attempts");
        assertAppToken(github.findAll(postRequestedFor(urlPathEqualTo("/app/hook/deliveries/14/attempts"))).get(0));
    }

    @Test
    void theAdminSettingsViewShowsTheAppWithoutItsSecretOrKey() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/admin/settings")).header("X-API-Key", "test-admin-key-0123456789").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode view = JSON.readTree(response.body()).path("gateHookGithub");
        assertThat(view.path("appId").asText()).isEqualTo(APP_ID);
        assertThat(view.path("webhookSecret").asText()).isEqualTo("****");
        assertThat(view.path("privateKey").asText()).isEqualTo("****");
        assertThat(view.path("apiUrl").asText()).isEqualTo(github.baseUrl());
        assertThat(response.body()).doesNotContain(SECRET, "PRIVATE KEY");
    }

    private static String delivery(long id, String guid, Instant at, boolean redelivery, int status, String event) {
        return "{\"id\":" + id + ",\"guid\":\"" + guid + "\",\"delivered_at\":\"" + at + "\",\"redelivery\":"
                + redelivery + ",\"duration\":0.27,\"status\":\"" + (status == 200 ? "OK" : "failed to connect")
                + "\",\"status_code\":" + status + ",\"event\":\"" + event + "\",\"action\":"
                + ("push".equals(event) ? "null" : "\"requested\"") + ",\"installation_id\":1,\"repository_id\":"
                + "186853002}";
    }

    /** The App's JWT as GitHub checks it: RS256 by the App's key, issued by the App, at most 10 minutes long. */
    private static void assertAppToken(LoggedRequest request) throws Exception {
        String authorization = request.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(GitHubAppFiles.publicKey());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(claims.path("iss").asText()).isEqualTo(APP_ID);
        assertThat(claims.path("iat").asLong()).isLessThanOrEqualTo(Instant.now().getEpochSecond() - 59);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isPositive().isLessThanOrEqualTo(660);
    }

    private String reviewPath() {
        return "/repos/Codertocat/Hello-World/actions/runs/" + run + "/deployment_protection_rule";
    }

    /** GitHub's delivery for this test's run and installation, its callback on the API WireMock plays. */
    private String request(Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(GitHubAppFiles.text(GitHubAppFiles.REQUESTED));
            root.put("deployment_callback_url", github.baseUrl() + reviewPath());
            ((ObjectNode) root.get("installation")).put("id", run);
            change.accept(root);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(String body) {
        HttpResponse response = hook(body, "deployment_protection_rule", "d-" + run, hmac(body, SECRET));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse hook(String body, String event, String deliveryId, String signature) {
        return new HttpResponse(deliver.post(HOOK, body, "X-GitHub-Event", event, "X-GitHub-Delivery", deliveryId,
                "X-GitHub-Hook-Installation-Target-Type", "integration", "X-Hub-Signature-256", signature,
                "User-Agent", "GitHub-Hookshot/044aadd"));
    }

    private void drain() {
        while (worker.drain() > 0) {
            // until nothing due is left
        }
    }

    private List<LoggedRequest> reviews() {
        return github.findAll(postRequestedFor(urlPathMatching(REVIEWS)));
    }

    private static String state(LoggedRequest review) {
        try {
            return JSON.readTree(review.getBodyAsString()).path("state").asText("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status of the run's first event (the one GitHub delivered). */
    private String status() {
        return jdbc.sql("SELECT status FROM inbound_events" + HOOK_EVENTS + " ORDER BY arrival_seq").query(String.class).list().get(0);
    }

    private String reason() {
        return jdbc.sql("SELECT outcome_reason FROM inbound_events" + HOOK_EVENTS + " ORDER BY arrival_seq").query(String.class).list()
                .get(0);
    }

    record HttpResponse(java.net.http.HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }
    }
}
