package io.retrobridge.web.gates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.Scope;
import io.retrobridge.gate.FollowUp;
import io.retrobridge.gate.GateFacts;
import io.retrobridge.gate.GateFactsSource;
import io.retrobridge.gate.RetrospectiveFacts;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The gate asked the way each pipeline asks it (see the callers' contracts), against the shipped gates.yaml
 * (payment-gateway is high risk, enforced in production) and stand-in facts: payment-gateway has one open immediate
 * fix until a test marks it done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.jira.base-url=https://acme.atlassian.net",
        "retrobridge.servicenow.base-url=https://acme.service-now.com",
        "retrobridge.security.api-keys[0].name=argo-rollouts",
        "retrobridge.security.api-keys[0].key=" + GateCallersContractTest.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline",
        "retrobridge.security.api-keys[1].name=grafana",
        "retrobridge.security.api-keys[1].key=" + GateCallersContractTest.VIEWER_KEY,
        "retrobridge.security.api-keys[1].role=viewer"})
@ActiveProfiles("test")
class GateCallersContractTest {

    static final String PIPELINE_KEY = "pipe-Vb7nR2kQ9sT4wX1z";
    static final String VIEWER_KEY = "view-Lp5mJ8dS3fW6yH2c";
    private static final String RELEASE = "{\"application\":\"payment-gateway\",\"version\":\"4.3.0\","
            + "\"environment\":\"production\",\"sha\":\"9fceb02d0ae598e95dc970b74767f19372d61af8\","
            + "\"changeNumber\":\"CHG0030042\"}";
    private static final String RELEASE_QUERY = "application=payment-gateway&version=4.3.0&environment=production";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    StandInFacts facts;
    @Autowired
    CurrentMappings mappings;
    @Autowired
    JdbcClient jdbc;

    @TestConfiguration
    static class Facts {
        @Bean
        @Primary
        StandInFacts standInFacts() {
            return new StandInFacts();
        }
    }

    /** payment-gateway's last retrospective with one immediate fix, open until {@link #fixDone} is set. */
    static class StandInFacts implements GateFactsSource {
        final AtomicBoolean fixDone = new AtomicBoolean();

        @Override
        public GateFacts factsFor(String application, Instant now) {
            if (!application.equals("payment-gateway")) {
                return GateFacts.gathered(List.of());
            }
            FollowUp fix = new FollowUp("link-pay-31", "Fix the ledger rounding", "PAY-31", "PTASK0010001",
                    Scope.IMMEDIATE_FIX, !fixDone.get(), LocalDate.parse("2026-12-01"), null, null, false);
            return GateFacts.gathered(List.of(new RetrospectiveFacts("change:CHG0030001",
                    now.minus(Duration.ofDays(10)), "CHG0030001", "PAY-30", "PRB0040001", List.of(fix))));
        }
    }

    @BeforeEach
    void openFixAndNoAnswersYet() {
        facts.fixDone.set(false);
        jdbc.sql("DELETE FROM gate_evaluations").update();
        jdbc.sql("DELETE FROM admin_audit").update();
        assertThat(mappings.gates()).as("the shipped gates.yaml is loaded").isPresent();
    }

    private LoadedMappings shipped;

    @AfterEach
    void shippedMappingsAgain() {
        if (shipped != null) {
            mappings.replace(shipped);
        }
    }

    @Test
    void argoGetReadsDenyAtDecisionAndTheBodyIsJson() throws Exception {
        HttpResponse<String> response = send("GET", "/api/gates/prod/evaluate?" + RELEASE_QUERY, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.at("/decision").asText()).isEqualTo("DENY");
        assertThat(answer.get("allowed").asBoolean()).isFalse();
        assertThat(answer.get("reason").asText()).startsWith("DENY: ").contains("PAY-31", "Fix the ledger rounding");
        assertThat(answer.get("mode").asText()).isEqualTo("enforce");
        assertThat(answer.get("tier").asText()).isEqualTo("high");
        assertThat(answer.get("rules")).extracting(JsonNode::asText).contains("open-immediate-fixes");
        JsonNode blocking = answer.get("blocking").get(0);
        assertThat(blocking.get("rule").asText()).isEqualTo("open-immediate-fixes");
        assertThat(blocking.get("kind").asText()).isEqualTo("ACTION_ITEM");
        assertThat(blocking.get("jiraKey").asText()).isEqualTo("PAY-31");
        assertThat(blocking.get("serviceNowNumber").asText()).isEqualTo("PTASK0010001");
        assertThat(blocking.at("/links/jira").asText()).isEqualTo("https://acme.atlassian.net/browse/PAY-31");
        assertThat(blocking.at("/links/servicenow").asText()).isEqualTo("https://acme.service-now.com/nav_to.do"
                + "?uri=problem_task.do%3Fsysparm_query%3Dnumber%3DPTASK0010001");
        assertThat(answer.get("warnings")).extracting(w -> w.get("message").asText())
                .anySatisfy(m -> assertThat(m).contains("pg-ledger-fix-ships-with-4-3", "expired"));
    }

    @Test
    void argoPostWithJsonBodyIsDeniedThenAllowedOnceTheFixIsDoneWithoutRestart() throws Exception {
        assertThat(decision(send("POST", "/api/gates/prod/evaluate", RELEASE))).isEqualTo("DENY");

        facts.fixDone.set(true);

        HttpResponse<String> after = send("POST", "/api/gates/prod/evaluate", RELEASE);
        JsonNode answer = JSON.readTree(after.body());
        assertThat(answer.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(answer.get("allowed").asBoolean()).isTrue();
        assertThat(answer.get("blocking")).isEmpty();
        assertThat(answer.get("commitSha").asText()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(answer.get("changeNumber").asText()).isEqualTo("CHG0030042");
    }

    @Test
    void aPostWithoutBodyIsReadFromTheQueryString() throws Exception {
        HttpResponse<String> response = send("POST", "/api/gates/prod/evaluate?" + RELEASE_QUERY, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(decision(response)).isEqualTo("DENY");
    }

    @Test
    void spinnakerFindsTheStatusUrlInBodyAndLocationAndPollsTheSameDecision() throws Exception {
        HttpResponse<String> created = send("POST", "/api/gates/prod/evaluate", RELEASE);

        JsonNode answer = JSON.readTree(created.body());
        String statusUrl = answer.get("statusUrl").asText();
        assertThat(statusUrl).isEqualTo("http://localhost:" + port + "/api/gates/evaluations/"
                + answer.get("evaluationId").asText());
        assertThat(created.headers().firstValue("Location")).contains(statusUrl);
        HttpResponse<String> polled = HTTP.send(HttpRequest.newBuilder(URI.create(statusUrl))
                .header("X-API-Key", PIPELINE_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(polled.statusCode()).isEqualTo(200);
        assertThat(polled.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(polled.body())).isEqualTo(answer);
        assertThat(JSON.readTree(polled.body()).get("decision").asText()).isEqualTo("DENY")
                .isUpperCase();
    }

    /** Azure DevOps' success criteria read {@code eq(root['decision'], 'ALLOW')} on a 200; its 3 s limit is the benchmark's. */
    @Test
    void azureDevOpsApiResponseSucceedsOnRootDecisionAllow() throws Exception {
        facts.fixDone.set(true);

        HttpResponse<String> response = send("POST", "/api/gates/prod/evaluate", RELEASE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("decision").asText()).isEqualTo("ALLOW");
    }

    @Test
    void jenkinsHttpRequestGetsTwoHundredAndTheDecisionInJson() throws Exception {
        HttpResponse<String> denied = send("GET", "/api/gates/prod/evaluate?" + RELEASE_QUERY
                + "&commitSha=9fceb02&changeNumber=chg0030042", null);

        assertThat(denied.statusCode()).isBetween(100, 399);
        JsonNode answer = JSON.readTree(denied.body());
        assertThat(answer.get("decision").asText()).isEqualTo("DENY");
        assertThat(answer.get("changeNumber").asText()).isEqualTo("CHG0030042");
    }

    @Test
    void gitLabCiStrictModeGetsForbiddenOnDenyWithTheSameJsonAndOkOnAllow() throws Exception {
        HttpResponse<String> denied = send("POST", "/api/gates/prod/evaluate?strict=true", RELEASE);

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(denied.body()).get("decision").asText()).isEqualTo("DENY");
        assertThat(JSON.readTree(denied.body()).get("reason").asText()).contains("PAY-31");

        facts.fixDone.set(true);
        assertThat(send("POST", "/api/gates/prod/evaluate?strict=true", RELEASE).statusCode()).isEqualTo(200);
    }

    @Test
    void theCanaryGateOnlyWarnsAndSaysWhatWouldHaveBlocked() throws Exception {
        JsonNode answer = JSON.readTree(send("POST", "/api/gates/canary/evaluate?strict=true", RELEASE).body());

        assertThat(answer.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(answer.get("mode").asText()).isEqualTo("warn");
        assertThat(answer.get("blocking")).isEmpty();
        assertThat(answer.get("warnings").get(0).get("message").asText()).contains("would have been denied",
                "PAY-31");
        assertThat(answer.get("warnings").get(0).at("/items/0/links/jira").asText())
                .isEqualTo("https://acme.atlassian.net/browse/PAY-31");
    }

    @Test
    void anApplicationThePolicyDoesNotListGetsItsDefaultTiersUndecidedAnswer() throws Exception {
        HttpResponse<String> response = send("GET",
                "/api/gates/prod/evaluate?application=inventory&environment=production", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(answer.get("tier").asText()).isEqualTo("standard");
        assertThat(answer.get("reason").asText()).contains("inventory is not listed in gates.yaml",
                "when-undecided: allow");
    }

    @Test
    void withNoGatesFileThereIsNoGateAndTheAnswerSaysSo() throws Exception {
        LoadedMappings now = mappings.get();
        shipped = mappings.replace(new LoadedMappings(now.dir(), now.files(), now.actionItemsDefinition(),
                now.actionItems(), now.escalations(), now.changeRecords(), now.retrospectives(), now.pirMetrics(),
                Optional.empty()));

        JsonNode answer = JSON.readTree(send("POST", "/api/gates/prod/evaluate?strict=true", RELEASE).body());

        assertThat(answer.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(answer.get("reason").asText()).contains("no gates.yaml: no gate");
        assertThat(answer.get("mode").asText()).isEqualTo("off");
    }

    @Test
    void everyAnswerIsKeptWithWhoAskedAndAuditedWithItsRules() throws Exception {
        JsonNode answer = JSON.readTree(send("POST", "/api/gates/prod/evaluate", RELEASE).body());

        String id = answer.get("evaluationId").asText();
        assertThat(jdbc.sql("SELECT requester FROM gate_evaluations WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("argo-rollouts");
        assertThat(jdbc.sql("SELECT decision FROM gate_evaluations WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("DENY");
        String target = jdbc.sql("SELECT target FROM admin_audit WHERE action = 'gate-evaluate' AND key_name = "
                + "'argo-rollouts'").query(String.class).single();
        assertThat(target).contains("gate prod evaluation " + id, "payment-gateway 4.3.0 to production",
                "sha 9fceb02d0ae598e95dc970b74767f19372d61af8", "change CHG0030042", "-> DENY",
                "open-immediate-fixes");
    }

    @Test
    void aViewerReadsAnAnswerButMayNotAsk() throws Exception {
        String id = JSON.readTree(send("POST", "/api/gates/prod/evaluate", RELEASE).body())
                .get("evaluationId").asText();

        assertThat(sendAs(VIEWER_KEY, "GET", "/api/gates/evaluations/" + id, null).statusCode()).isEqualTo(200);
        HttpResponse<String> asking = sendAs(VIEWER_KEY, "POST", "/api/gates/prod/evaluate", RELEASE);
        assertThat(asking.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(asking.body()).get("requiredRole").asText()).isEqualTo("pipeline");
    }

    @Test
    void anUnknownEvaluationIs404JsonAndAMalformedId400() throws Exception {
        HttpResponse<String> unknown = send("GET", "/api/gates/evaluations/3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f",
                null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("no gate evaluation");

        HttpResponse<String> malformed = send("GET", "/api/gates/evaluations/not-an-id", null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).get("error").asText()).contains("not an evaluation id");
    }

    @Test
    void badQuestionsGetAReasonNamingTheFieldAndNothingIsKept() throws Exception {
        assertRefused(send("POST", "/api/gates/prod/evaluate", "{\"environment\":\"production\"}"), 400,
                "application is missing");
        assertRefused(send("GET", "/api/gates/prod/evaluate?application=payment-gateway", null), 400,
                "environment is missing");
        assertRefused(send("POST", "/api/gates/prod/evaluate", "{\"application\":\"payment-gateway\","), 400,
                "the body is not JSON");
        assertRefused(send("PUT", "/api/gates/prod/evaluate", "[\"payment-gateway\"]"), 400,
                "must be a JSON object");
        assertRefused(send("POST", "/api/gates/prod/evaluate",
                "{\"application\":\"<script>alert(1)</script>\",\"environment\":\"production\"}"), 400,
                "application '?script>alert(1)?/script>' is not valid".replace("?", "<"));
        assertRefused(send("POST", "/api/gates/prod/evaluate", "{\"application\":\"" + "a".repeat(65)
                + "\",\"environment\":\"production\"}"), 400, "application");
        assertRefused(send("POST", "/api/gates/prod/evaluate", "{\"application\":{\"name\":\"x\"},"
                + "\"environment\":\"production\"}"), 400, "application must be a string");
        assertRefused(send("POST", "/api/gates/prod/evaluate", "{\"application\":\"payment-gateway\","
                + "\"environment\":\"production\",\"commitSha\":\"not-hex\"}"), 400, "commitSha");
        assertRefused(send("POST", "/api/gates/Prod_Gate/evaluate", RELEASE), 400, "is not a gate name");
        assertRefused(send("POST", "/api/gates/prod/evaluate", "{\"application\":\"payment-gateway\","
                + "\"environment\":\"production\",\"padding\":\"" + "x".repeat(70 * 1024) + "\"}"), 413,
                "over 64 KB");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM gate_evaluations").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM admin_audit").query(Long.class).single()).isZero();
    }

    @Test
    void aViewerListsTheAnswersByDecisionAndTheWaiversWithTheirState() throws Exception {
        send("POST", "/api/gates/prod/evaluate", RELEASE);
        facts.fixDone.set(true);
        send("POST", "/api/gates/prod/evaluate", RELEASE);
        send("POST", "/api/gates/prod/evaluate", "{\"application\":\"checkout\",\"environment\":\"production\"}");

        JsonNode denied = JSON.readTree(sendAs(VIEWER_KEY, "GET",
                "/api/gates/evaluations?application=payment-gateway&decision=deny", null).body());
        assertThat(denied.get("total").asLong()).isEqualTo(1);
        assertThat(denied.at("/items/0/reason").asText()).contains("PAY-31");
        assertThat(denied.at("/items/0/requester").asText()).isEqualTo("argo-rollouts");
        JsonNode all = JSON.readTree(sendAs(VIEWER_KEY, "GET", "/api/gates/evaluations?limit=2", null).body());
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("byDecision").get("DENY").asLong()).isEqualTo(1);
        assertThat(all.get("items")).hasSize(2);
        assertThat(all.at("/items/0/application").asText()).isEqualTo("checkout");
        String statusUrl = all.at("/items/1/statusUrl").asText();
        assertThat(decision(sendAs(VIEWER_KEY, "GET", statusUrl, null))).isEqualTo("ALLOW");

        JsonNode waivers = JSON.readTree(sendAs(VIEWER_KEY, "GET", "/api/gates/waivers", null).body());
        assertThat(waivers.get("policy").asBoolean()).isTrue();
        assertThat(waivers.at("/waivers/0/id").asText()).isEqualTo("pg-ledger-fix-ships-with-4-3");
        assertThat(waivers.at("/waivers/0/state").asText()).isEqualTo("expired");
        assertThat(waivers.at("/waivers/0/who").asText()).isEqualTo("jane.doe@example.com");

        assertRefused(sendAs(VIEWER_KEY, "GET", "/api/gates/evaluations?decision=MAYBE", null), 400,
                "decision must be ALLOW, DENY or PENDING");
        assertRefused(sendAs(VIEWER_KEY, "GET", "/api/gates/evaluations?from=yesterday", null), 400,
                "from must be an instant");
        assertRefused(sendAs(VIEWER_KEY, "GET", "/api/gates/evaluations?application=a%20b", null), 400,
                "application 'a b' is not valid");
    }

    @Test
    void aHookForACallerThatHasNoneIs404AndTheReservedPathsAreNeverTakenForGates() throws Exception {
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/gates/hooks/bitbucket?gate=prod")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertRefused(unknown, 404, "No gate hook is named 'bitbucket'; hooks are served at /api/gates/hooks/");
        assertRefused(send("POST", "/api/gates/hooks/evaluate", RELEASE), 400, "'hooks' cannot be a gate's name");
        assertRefused(send("GET", "/api/gates/evaluations/evaluate?" + RELEASE_QUERY, null), 400,
                "'evaluate' is not an evaluation id");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM gate_evaluations").query(Long.class).single()).isZero();
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains(message);
    }

    private static String decision(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("decision").asText();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return sendAs(PIPELINE_KEY, method, path, body);
    }

    private HttpResponse<String> sendAs(String key, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", key);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
