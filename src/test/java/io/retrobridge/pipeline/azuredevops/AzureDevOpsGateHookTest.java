package io.retrobridge.pipeline.azuredevops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.pipeline.GateHookFacts;
import io.retrobridge.pipeline.WireMockWarmUp;
import io.retrobridge.pipeline.PipelineDeliveries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * An Azure DevOps "Invoke REST API" check in callback mode against the running service: the check's own request
 * (its default headers, the admin's body, basic authentication with the service connection's password) over real
 * HTTP, the gate asked with stand-in facts, and WireMock as Azure DevOps taking the TaskCompleted event, misbehaving
 * as Azure DevOps does (401 for an expired job token, 429 with Retry-After, 5xx, a slow answer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "retrobridge.gate-hooks.azure-devops.secret=" + AzureDevOpsGateHookTest.SECRET,
    "retrobridge.gate-hooks.azure-devops.allowed-hosts=dev.azure.com,*.visualstudio.com,localhost",
    "retrobridge.gate-hooks.azure-devops.ask-again-after=1s",
    "retrobridge.gate-hooks.azure-devops.read-timeout=3s",
    "retrobridge.resilience.azure-devops.initial-backoff=10ms",
    "retrobridge.resilience.azure-devops.max-backoff=2s"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AzureDevOpsGateHookTest {

    /** This caller's events, not those the gate queues for the change request the fixture names. */
    private static final String HOOK_EVENTS = " WHERE event_kind NOT LIKE 'gate:%'";

    static final String SECRET = "azure-devops-check-secret-9a3b";
    static final String HOOK = "/api/gates/hooks/azure-devops?gate=prod";
    static final WireMockServer azureDevOps = new WireMockServer(options().dynamicPort());
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
    Map<String, String> headers;
    String events;

    @TestConfiguration
    static class Facts {
        @Bean
        @Primary
        GateHookFacts gateHookFacts() {
            return new GateHookFacts();
        }
    }

    @DynamicPropertySource
    static void startAzureDevOps(DynamicPropertyRegistry registry) {
        azureDevOps.start();
        WireMockWarmUp.warmUp(azureDevOps);
    }

    @AfterAll
    static void stopAzureDevOps() {
        azureDevOps.stop();
    }

    @BeforeEach
    void nothingAskedYet() {
        deliver = new PipelineDeliveries(port, jdbc);
        deliver.emptyInbox();
        jdbc.sql("DELETE FROM dead_letters").update();
        jdbc.sql("DELETE FROM gate_evaluations").update();
        facts.set(GateHookFacts.State.FIX_OPEN);
        headers = fixtureHeaders();
        headers.put("PlanUrl", azureDevOps.baseUrl() + "/fabrikam/");
        events = "/fabrikam/" + headers.get("ProjectId") + "/_apis/distributedtask/hubs/checks/plans/"
                + headers.get("PlanId") + "/events";
        azureDevOps.resetAll();
        azureDevOps.stubFor(post(urlPathEqualTo(events)).willReturn(ok()));
    }

    @Test
    void aProvenCheckIsKeptOnceWithItsTokenSealedAndTheDenialCompletesItAsFailedOnce(CapturedOutput output) {
        HttpResponse<String> first = check(body(), proof(SECRET));
        HttpResponse<String> redelivered = check(body(), proof(SECRET));

        assertThat(first.statusCode()).as("Azure DevOps takes a check as delivered on a 200: " + first.body())
                .isEqualTo(200);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        List<Map<String, Object>> stored = deliver.stored();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).containsEntry("SOURCE_SYSTEM", "AZURE_DEVOPS")
                .containsEntry("EVENT_KIND", "azure-devops:check")
                .containsEntry("DEDUP_KEY", "azure-devops:check:" + headers.get("PlanId") + ":"
                        + headers.get("JobId") + ":" + headers.get("TaskInstanceId"));
        String payload = stored.get(0).get("PAYLOAD").toString();
        assertThat(payload).as("the job token is kept only sealed").doesNotContain(token())
                .doesNotContain(token().substring(0, 20));
        assertThat(read(payload).path("sealedToken").asText()).startsWith("v1.");
        assertThat(read(payload).path("application").asText()).isEqualTo("payment-gateway");

        inbox.drain(1);
        check(body(), proof(SECRET));
        inbox.drain(5);

        List<LoggedRequest> sent = azureDevOps.findAll(postRequestedFor(urlPathEqualTo(events)));
        assertThat(sent).as("one decision, one callback").hasSize(1);
        assertThat(sent.get(0).queryParameter("api-version").firstValue()).isEqualTo("7.1");
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo("Bearer " + token());
        assertThat(read(sent.get(0).getBodyAsString())).isEqualTo(read("{\"name\":\"TaskCompleted\",\"taskId\":\""
                + headers.get("TaskInstanceId") + "\",\"jobId\":\"" + headers.get("JobId")
                + "\",\"result\":\"failed\"}"));
        Map<String, Object> outcome = outcome();
        assertThat(outcome).containsEntry("STATUS", "APPLIED");
        assertThat(outcome.get("OUTCOME_REASON").toString()).contains("completed as failed: DENY", "PAY-31")
                .doesNotContain(token());
        assertThat(jdbc.sql("SELECT decision FROM gate_evaluations").query(String.class).list())
                .containsExactly("DENY");
        assertThat(output.getAll()).doesNotContain(token(), token().substring(0, 20), SECRET);
    }

    @Test
    void anAllowedReleaseCompletesTheCheckAsSucceeded() {
        facts.set(GateHookFacts.State.FIX_DONE);
        check(body(), proof(SECRET));

        inbox.drain(1);

        azureDevOps.verify(1, postRequestedFor(urlPathEqualTo(events))
                .withRequestBody(matchingJsonPath("$.result", equalTo("succeeded"))));
    }

    @Test
    void aPendingAnswerSendsNothingAndIsAskedAgainUntilTheBlockingItemIsDoneThenSucceeds() {
        facts.set(GateHookFacts.State.GATHERING);
        check(body(), proof(SECRET));

        inbox.drain(1);

        assertThat(azureDevOps.findAll(postRequestedFor(urlPathEqualTo(events)))).isEmpty();
        List<Map<String, Object>> queued = jdbc.sql("SELECT status, payload, not_before FROM inbound_events"
                + HOOK_EVENTS + " ORDER BY arrival_seq").query().listOfRows();
        assertThat(queued).hasSize(2);
        assertThat(queued.get(1)).containsEntry("STATUS", "PENDING");
        assertThat(queued.get(1).get("NOT_BEFORE")).isNotNull();
        assertThat(queued.get(1).get("PAYLOAD").toString()).doesNotContain(token());

        facts.set(GateHookFacts.State.FIX_DONE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            inbox.drain(1);
            azureDevOps.verify(1, postRequestedFor(urlPathEqualTo(events))
                    .withRequestBody(matchingJsonPath("$.result", equalTo("succeeded"))));
        });
        azureDevOps.verify(1, postRequestedFor(urlPathEqualTo(events)));
    }

    @Test
    void aReleaseTheGateCannotTakeFailsTheCheckAtOnceWithTheGatesReasonKept() {
        ObjectNode release = (ObjectNode) read(body());
        release.put("application", "payment gateway (EU)");
        check(release.toString(), proof(SECRET));

        inbox.drain(1);

        azureDevOps.verify(1, postRequestedFor(urlPathEqualTo(events))
                .withRequestBody(matchingJsonPath("$.result", equalTo("failed"))));
        assertThat(outcome().get("OUTCOME_REASON").toString()).contains("failed: the gate cannot take the question:",
                "application");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gate_evaluations").query(Long.class).single()).isZero();
    }

    @Test
    void anExpiredJobTokenIsParkedWithAClearReasonAndNotSentAgain() {
        azureDevOps.stubFor(post(urlPathEqualTo(events)).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer").withBody("")));
        check(body(), proof(SECRET));

        inbox.drain(5);

        azureDevOps.verify(1, postRequestedFor(urlPathEqualTo(events)));
        assertThat(outcome()).containsEntry("STATUS", "PARKED");
        String error = jdbc.sql("SELECT error FROM dead_letters" + HOOK_EVENTS).query(String.class).single();
        assertThat(error).contains("refused the job token (401)", "48 hours", "expired").doesNotContain(token());
        assertThat(jdbc.sql("SELECT payload FROM dead_letters" + HOOK_EVENTS).query(String.class).single())
                .doesNotContain(token());
    }

    @Test
    void aRateLimitAServerErrorAndASlowAnswerAreSentAgainUntilAzureDevOpsTakesTheEvent() {
        azureDevOps.stubFor(post(urlPathEqualTo(events)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("down"));
        azureDevOps.stubFor(post(urlPathEqualTo(events)).inScenario("busy").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("slow"));
        azureDevOps.stubFor(post(urlPathEqualTo(events)).inScenario("busy").whenScenarioStateIs("slow")
                .willReturn(ok().withFixedDelay(6000)).willSetStateTo("well"));
        azureDevOps.stubFor(post(urlPathEqualTo(events)).inScenario("busy").whenScenarioStateIs("well")
                .willReturn(ok()));
        check(body(), proof(SECRET));

        inbox.drain(1);

        azureDevOps.verify(4, postRequestedFor(urlPathEqualTo(events))
                .withRequestBody(matchingJsonPath("$.result", equalTo("failed"))));
        assertThat(outcome()).containsEntry("STATUS", "APPLIED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gate_evaluations").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aPlanUrlOutsideTheAllowedHostsIsRefusedAndNeverCalled() {
        for (String elsewhere : List.of("https://evil.example.com/fabrikam/", "https://dev.azure.com.evil.example/f/",
                "https://visualstudio.com/", "http://fabrikam.visualstudio.com/",
                "https://user:pass@dev.azure.com/fabrikam/")) {
            headers.put("PlanUrl", elsewhere);

            HttpResponse<String> refused = check(body(), proof(SECRET));

            assertThat(refused.statusCode()).as(elsewhere + ": " + refused.body()).isEqualTo(400);
            assertThat(PipelineDeliveries.json(refused).path("error").asText()).contains("PlanUrl");
        }
        assertThat(deliver.stored()).isEmpty();
        inbox.drain(5);
        assertThat(azureDevOps.getAllServeEvents()).isEmpty();
    }

    @Test
    void aWrongOrMissingPasswordIs401AndNothingIsStored() {
        assertThat(check(body(), proof("not-the-secret-0123456789")).statusCode()).isEqualTo(401);
        assertThat(check(body(), "Bearer " + SECRET).statusCode()).isEqualTo(401);
        assertThat(check(body(), null).statusCode()).isEqualTo(401);
        assertThat(PipelineDeliveries.json(check(body(), proof("wrong-secret-0123456789"))).path("error").asText())
                .contains("retrobridge.gate-hooks.azure-devops.secret");
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void aHugeBodyIs413AndNothingIsStored() {
        ObjectNode huge = (ObjectNode) read(body());
        huge.put("notes", "x".repeat(1_100_000));

        assertThat(check(huge.toString(), proof(SECRET)).statusCode()).isEqualTo(413);
        assertThat(deliver.stored()).isEmpty();
    }

    @Test
    void missingHeadersOrReleaseFieldsAre400NamingThemAndNothingIsStored() {
        headers.remove("PlanId");
        headers.remove("AuthToken");
        HttpResponse<String> withoutHeaders = check(body(), proof(SECRET));
        headers = fixtureHeaders();
        headers.put("PlanUrl", azureDevOps.baseUrl() + "/fabrikam/");
        ObjectNode withoutApplication = (ObjectNode) read(body());
        withoutApplication.remove("application");
        HttpResponse<String> withoutField = check(withoutApplication.toString(), proof(SECRET));
        HttpResponse<String> withoutBody = check("", proof(SECRET));

        assertThat(withoutHeaders.statusCode()).isEqualTo(400);
        assertThat(PipelineDeliveries.json(withoutHeaders).path("error").asText())
                .startsWith("PlanId, AuthToken are missing");
        assertThat(withoutField.statusCode()).isEqualTo(400);
        assertThat(PipelineDeliveries.json(withoutField).path("error").asText()).startsWith("application is missing");
        assertThat(withoutBody.statusCode()).isEqualTo(400);
        assertThat(PipelineDeliveries.json(withoutBody).path("error").asText()).startsWith("The body is empty: set the"
                + " check's Body");
        assertThat(deliver.stored()).isEmpty();
    }

    private Map<String, Object> outcome() {
        return jdbc.sql("SELECT status, outcome_reason FROM inbound_events" + HOOK_EVENTS + " ORDER BY arrival_seq").query().listOfRows()
                .get(0);
    }

    private HttpResponse<String> check(String body, String authorization) {
        List<String> sent = new ArrayList<>();
        headers.forEach((name, value) -> {
            sent.add(name);
            sent.add(value);
        });
        if (authorization != null) {
            sent.add("Authorization");
            sent.add(authorization);
        }
        return deliver.post(HOOK, body, sent.toArray(String[]::new));
    }

    private static String proof(String password) {
        // Azure DevOps' generic service connection: any user name, the secret as password.
        return PipelineDeliveries.basic("retrobridge", password);
    }

    private static String token() {
        return fixtureHeaders().get("AuthToken");
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("");
    }

    static String body() {
        return resource("/gates/azure-devops/check-body.json");
    }

    /** The check's default headers without Content-Type, which every delivery here sends anyway. */
    static Map<String, String> fixtureHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        read(resource("/gates/azure-devops/check-headers.json")).fields()
                .forEachRemaining(field -> headers.put(field.getKey(), field.getValue().asText()));
        headers.remove("Content-Type");
        return headers;
    }

    private static String resource(String path) {
        try (InputStream in = AzureDevOpsGateHookTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
