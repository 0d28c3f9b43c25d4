package io.retrobridge.pipeline.gitlab;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.pipeline.GateHookFacts;
import io.retrobridge.pipeline.WireMockWarmUp;
import io.retrobridge.pipeline.PipelineDeliveries;
import io.retrobridge.transport.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * GitLab's external status check against the running service: GitLab's own request (the merge request payload with
 * external_approval_rule, signed in X-Gitlab-Signature) over real HTTP, the gate asked with stand-in facts, and
 * WireMock as GitLab's API taking the status check response, misbehaving as GitLab does (409 for a moved HEAD, 404
 * for a token without access, 429 with Retry-After, 5xx, a slow answer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "retrobridge.gate-hooks.gitlab.shared-secret=" + GitLabGateHookTest.SECRET,
    "retrobridge.gate-hooks.gitlab.token=" + GitLabGateHookTest.TOKEN,
    "retrobridge.gate-hooks.gitlab.ask-again-after=1s",
    "retrobridge.gate-hooks.gitlab.read-timeout=3s",
    "retrobridge.resilience.gitlab.initial-backoff=10ms",
    "retrobridge.resilience.gitlab.max-backoff=2s"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class GitLabGateHookTest {

    /** This caller's events, not those the gate queues for the change request the fixture names. */
    private static final String HOOK_EVENTS = " WHERE event_kind NOT LIKE 'gate:%'";

    static final String SECRET = "gitlab-status-check-secret-4f1c";
    static final String TOKEN = "glpat-Zx81Qw5nLp0RtY7uVb3K";
    static final String SHA = "141be9714669a4c1ccaa013c6a7f3e462ff2a40f";
    static final String RESPONSES = "/api/v4/projects/6/merge_requests/4/status_check_responses";
    static final String HOOK = "/api/gates/hooks/gitlab?gate=prod";
    static final WireMockServer gitlab = new WireMockServer(options().dynamicPort());
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GateHookFacts facts;
    @Autowired
    InboxWorker inbox;

    PipelineDeliveries deliver;

    @TestConfiguration
    static class Facts {
        @Bean
        @Primary
        GateHookFacts gateHookFacts() {
            return new GateHookFacts();
        }
    }

    @DynamicPropertySource
    static void gitlabApi(DynamicPropertyRegistry registry) {
        gitlab.start();
        WireMockWarmUp.warmUp(gitlab);
        registry.add("retrobridge.gate-hooks.gitlab.base-url", gitlab::baseUrl);
    }

    @AfterAll
    static void stopGitLab() {
        gitlab.stop();
    }

    @BeforeEach
    void nothingAskedYet() {
        deliver = new PipelineDeliveries(port, jdbc);
        deliver.emptyInbox();
        jdbc.sql("DELETE FROM dead_letters").update();
        jdbc.sql("DELETE FROM gate_evaluations").update();
        facts.set(GateHookFacts.State.FIX_OPEN);
        gitlab.resetAll();
        gitlab.stubFor(post(urlPathEqualTo(RESPONSES)).willReturn(created()));
    }

    @Test
    void aSignedRequestIsKeptOnceAndTheDenialIsSetAsFailedForTheHeadShaOnce(CapturedOutput output) {
        String body = fixture();

        HttpResponse<String> first = hook(body, sign(body));
        HttpResponse<String> redelivered = hook(body, sign(body));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertThat(PipelineDeliveries.json(redelivered).path("status").asText()).isEqualTo("duplicate");
        List<Map<String, Object>> stored = deliver.stored();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).containsEntry("SOURCE_SYSTEM", "GITLAB")
                .containsEntry("EVENT_KIND", "gitlab:status-check")
                .containsEntry("DEDUP_KEY", "gitlab:status-check:6:4:" + SHA + ":1");
        JsonNode kept = read(stored.get(0).get("PAYLOAD").toString());
        assertThat(kept.path("gate").asText()).isEqualTo("prod");
        assertThat(kept.path("application").asText()).isEqualTo("payment-gateway");
        assertThat(kept.path("changeNumber").asText()).isEqualTo("CHG0030042");
        assertThat(kept.toString()).as("the merge request's people and texts are not kept")
                .doesNotContain("admin@example.com", "Card payments");

        inbox.drain(1);
        hook(body, sign(body));
        inbox.drain(5);

        List<LoggedRequest> responses = gitlab.findAll(postRequestedFor(urlPathEqualTo(RESPONSES)));
        assertThat(responses).as("one decision, one response").hasSize(1);
        assertThat(read(responses.get(0).getBodyAsString())).isEqualTo(read("{\"sha\":\"" + SHA + "\","
                + "\"external_status_check_id\":1,\"status\":\"failed\"}"));
        assertThat(responses.get(0).getHeader("PRIVATE-TOKEN")).isEqualTo(TOKEN);
        assertThat(responses.get(0).containsHeader("Authorization")).isFalse();
        assertThat(outcome()).containsEntry("STATUS", "APPLIED");
        assertThat(outcome().get("OUTCOME_REASON").toString()).contains("failed: DENY", "PAY-31",
                "Fix the ledger rounding", "/api/gates/evaluations/");
        assertThat(jdbc.sql("SELECT decision FROM gate_evaluations").query(String.class).list())
                .containsExactly("DENY");
        assertThat(output.getAll()).doesNotContain(TOKEN, SECRET);
    }

    @Test
    void aDeniedCheckIsAskedAgainAndTurnsPassedOnceItsFollowUpIsDoneWithoutANewCommit() {
        hook(fixture(), sign(fixture()));
        inbox.drain(1);
        gitlab.verify(1, postRequestedFor(urlPathEqualTo(RESPONSES))
                .withRequestBody(matchingJsonPath("$.status", equalTo("failed"))));
        Map<String, Object> recheck = jdbc.sql("SELECT dedup_key, not_before FROM inbound_events"
                + HOOK_EVENTS + " AND status = 'PENDING'").query().singleRow();
        assertThat(recheck.get("DEDUP_KEY").toString()).endsWith("#recheck-1");
        assertThat(recheck.get("NOT_BEFORE")).as("asked again after recheck-after (5m), not at once").isNotNull();

        // Five minutes on, the item still open: the gate is asked again, GitLab is not told "failed" twice.
        dueNow();
        inbox.drain(5);
        gitlab.verify(1, postRequestedFor(urlPathEqualTo(RESPONSES)));
        // Then the item is done: the next re-check passes the same HEAD.
        facts.set(GateHookFacts.State.FIX_DONE);
        dueNow();
        inbox.drain(5);

        List<String> statuses = gitlab.findAll(postRequestedFor(urlPathEqualTo(RESPONSES))).stream()
                .map(request -> read(request.getBodyAsString())).peek(sent ->
                        assertThat(sent.path("sha").asText()).isEqualTo(SHA))
                .map(sent -> sent.path("status").asText()).toList();
        assertThat(statuses).containsExactly("failed", "passed");
        assertThat(jdbc.sql("SELECT decision FROM gate_evaluations ORDER BY decided_at").query(String.class).list())
                .containsExactly("DENY", "DENY", "ALLOW");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_events" + HOOK_EVENTS + " AND status = 'PENDING'")
                .query(Long.class).single()).as("nothing asked after the pass").isZero();
    }

    /** Time passes: the re-check waiting in the inbox is due. */
    private void dueNow() {
        jdbc.sql("UPDATE inbound_events SET not_before = NULL WHERE status = 'PENDING' AND event_kind = "
                + "'gitlab:status-check'").update();
    }

    @Test
    void anAllowedMergeRequestIsPassed() {
        facts.set(GateHookFacts.State.FIX_DONE);

        assertThat(hook(fixture(), sign(fixture())).statusCode()).isEqualTo(200);
        inbox.drain(1);

        gitlab.verify(1, postRequestedFor(urlPathEqualTo(RESPONSES))
                .withRequestBody(equalToJson("{\"sha\":\"" + SHA + "\",\"external_status_check_id\":1,"
                        + "\"status\":\"passed\"}")));
        assertThat(outcome().get("OUTCOME_REASON").toString()).contains("passed: ALLOW");
    }

    @Test
    void aPendingAnswerIsSetPendingAndAskedAgainUntilTheBlockingItemIsDoneThenPassed() {
        facts.set(GateHookFacts.State.GATHERING);
        hook(fixture(), sign(fixture()));

        inbox.drain(1);

        gitlab.verify(1, postRequestedFor(urlPathEqualTo(RESPONSES))
                .withRequestBody(matchingJsonPath("$.status", equalTo("pending"))));
        List<Map<String, Object>> events = jdbc.sql("SELECT status, dedup_key, not_before FROM inbound_events"
                + HOOK_EVENTS + " ORDER BY arrival_seq").query().listOfRows();
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).containsEntry("STATUS", "PENDING")
                .containsEntry("DEDUP_KEY", "gitlab:status-check:6:4:" + SHA + ":1#ask-2");
        assertThat(events.get(1).get("NOT_BEFORE")).as("asked again later, not at once").isNotNull();

        facts.set(GateHookFacts.State.FIX_DONE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            inbox.drain(1);
            gitlab.verify(postRequestedFor(urlPathEqualTo(RESPONSES))
                    .withRequestBody(matchingJsonPath("$.status", equalTo("passed"))));
        });
        List<String> statuses = gitlab.findAll(postRequestedFor(urlPathEqualTo(RESPONSES))).stream()
                .map(request -> read(request.getBodyAsString())).peek(sent ->
                        assertThat(sent.path("sha").asText()).isEqualTo(SHA))
                .map(sent -> sent.path("status").asText()).toList();
        assertThat(statuses).first().isEqualTo("pending");
        assertThat(statuses).last().isEqualTo("passed");
        assertThat(statuses).containsOnly("pending", "passed");
    }

    @Test
    void aShaThatIsNoLongerTheHeadIsSkippedWithGitLabsReasonAndNotSentAgain() {
        gitlab.stubFor(post(urlPathEqualTo(RESPONSES)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"409 Conflict\"}")));
        hook(fixture(), sign(fixture()));

        inbox.drain(5);

        gitlab.verify(1, postRequestedFor(urlPathEqualTo(RESPONSES)));
        assertThat(outcome()).containsEntry("STATUS", "SKIPPED");
        assertThat(outcome().get("OUTCOME_REASON").toString()).contains("141be9714669 is no longer the merge"
                + " request's HEAD", "409");
    }

    @Test
    void a404MeaningNoPermissionIsParkedSayingWhatTheTokenNeeds() {
        gitlab.stubFor(post(urlPathEqualTo(RESPONSES)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"404 Project Not Found\"}")));
        hook(fixture(), sign(fixture()));

        inbox.drain(5);

        gitlab.verify(1, postRequestedFor(urlPathEqualTo(RESPONSES)));
        assertThat(outcome()).containsEntry("STATUS", "PARKED");
        String error = jdbc.sql("SELECT error FROM dead_letters" + HOOK_EVENTS).query(String.class).single();
        assertThat(error).contains("Developer role", "retrobridge.gate-hooks.gitlab.token", "404 Project Not Found")
                .doesNotContain(TOKEN);
    }

    @Test
    void aRateLimitIsWaitedOutAsRetryAfterSays() {
        gitlab.stubFor(post(urlPathEqualTo(RESPONSES)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"message\":\"Retry later\"}")).willSetStateTo("calm"));
        gitlab.stubFor(post(urlPathEqualTo(RESPONSES)).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(created()));
        hook(fixture(), sign(fixture()));

        inbox.drain(1);

        gitlab.verify(2, postRequestedFor(urlPathEqualTo(RESPONSES)));
        assertThat(outcome()).containsEntry("STATUS", "APPLIED");
    }

    @Test
    void aServerErrorAndASlowAnswerAreSentAgainUntilGitLabTakesTheStatus() {
        gitlab.stubFor(post(urlPathEqualTo(RESPONSES)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")).willSetStateTo("slow"));
        gitlab.stubFor(post(urlPathEqualTo(RESPONSES)).inScenario("flaky").whenScenarioStateIs("slow")
                .willReturn(created().withFixedDelay(6000)).willSetStateTo("well"));
        gitlab.stubFor(post(urlPathEqualTo(RESPONSES)).inScenario("flaky").whenScenarioStateIs("well")
                .willReturn(created()));
        hook(fixture(), sign(fixture()));

        inbox.drain(1);

        gitlab.verify(3, postRequestedFor(urlPathEqualTo(RESPONSES))
                .withRequestBody(matchingJsonPath("$.status", equalTo("failed"))));
        assertThat(outcome()).containsEntry("STATUS", "APPLIED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gate_evaluations").query(Long.class).single())
                .as("the gate decided once; the runs again sent its kept answer").isEqualTo(1L);
    }

    @Test
    void aWrongOrMissingSignatureIs401AndNothingIsStored() {
        String body = fixture();
        String prefixed = "sha256=" + sign(body);
        String otherSecret = new WebhookSignature("another-secret-0123456789").sign(body.getBytes(
                StandardCharsets.UTF_8)).substring("sha256=".length());
        String changedBody = body.replace("\"iid\": 4", "\"iid\": 5");

        for (HttpResponse<String> refused : List.of(hook(body, otherSecret), hook(body, prefixed),
                hook(changedBody, sign(body)), deliver.post(HOOK, body))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        }
        assertThat(PipelineDeliveries.json(hook(body, otherSecret)).path("error").asText())
                .contains("X-Gitlab-Signature does not match the body", "retrobridge.gate-hooks.gitlab.shared-secret");
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void aHugeBodyIs413AndNothingIsStored() {
        String huge = changed(root -> root.with("object_attributes").put("description", "x".repeat(1_100_000)));

        HttpResponse<String> refused = hook(huge, sign(huge));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void aRequestWithoutWhatTheAnswerNeedsIs400NamingTheFieldAndNothingIsStored() {
        Map<String, Consumer<ObjectNode>> without = Map.of(
                "external_approval_rule.id", root -> root.with("external_approval_rule").remove("id"),
                "object_attributes.iid", root -> root.with("object_attributes").remove("iid"),
                "object_attributes.last_commit.id", root -> root.with("object_attributes").with("last_commit")
                        .remove("id"),
                "project.id", root -> root.with("project").remove("id"));

        without.forEach((field, remove) -> {
            String body = changed(remove);
            HttpResponse<String> refused = hook(body, sign(body));
            assertThat(refused.statusCode()).as(field + ": " + refused.body()).isEqualTo(400);
            assertThat(PipelineDeliveries.json(refused).path("error").asText()).startsWith(field + " is missing");
        });
        assertThat(deliver.stored()).isEmpty();
        assertThat(gitlab.findAll(postRequestedFor(urlPathEqualTo(RESPONSES)))).isEmpty();
    }

    @Test
    void theAdminSettingsViewShowsTheHookOnWithItsSecretsMasked() throws Exception {
        HttpResponse<String> settings = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/admin/settings"))
                .header("X-API-Key", "test-admin-key-0123456789").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(settings.statusCode()).isEqualTo(200);
        JsonNode hook = read(settings.body()).findValue("gitlabGateHook");
        assertThat(hook.path("sharedSecret").asText()).isEqualTo("****");
        assertThat(hook.path("token").asText()).isEqualTo("****");
        assertThat(hook.path("environment").asText()).isEqualTo("production");
        assertThat(settings.body()).doesNotContain(TOKEN, SECRET);
    }

    private Map<String, Object> outcome() {
        return jdbc.sql("SELECT status, outcome_reason FROM inbound_events" + HOOK_EVENTS + " ORDER BY arrival_seq").query().listOfRows()
                .get(0);
    }

    private HttpResponse<String> hook(String body, String signature) {
        return deliver.post(HOOK, body, "X-Gitlab-Signature", signature);
    }

    private static String sign(String body) {
        return new WebhookSignature(SECRET).sign(body.getBytes(StandardCharsets.UTF_8)).substring("sha256=".length());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        // GitLab answers the status check response it kept.
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":5,"
                + "\"merge_request\":{\"id\":144,\"iid\":4,\"project_id\":6},\"external_status_check\":{\"id\":1,"
                + "\"name\":\"RetroBridge gate\"}}");
    }

    static String fixture() {
        try (InputStream in = GitLabGateHookTest.class.getResourceAsStream("/gates/gitlab/status-check-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String changed(Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) read(fixture());
        change.accept(root);
        return root.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
