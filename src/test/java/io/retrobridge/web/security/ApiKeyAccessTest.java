package io.retrobridge.web.security;

import static io.retrobridge.web.security.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who may call what, seen from an HTTP client with each kind of key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=ci-pipeline",
        "retrobridge.security.api-keys[0].key=" + ApiKeyAccessTest.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline",
        "retrobridge.security.api-keys[1].name=grafana",
        "retrobridge.security.api-keys[1].key=" + ApiKeyAccessTest.VIEWER_KEY,
        "retrobridge.security.api-keys[1].role=Viewer",
        "retrobridge.security.api-keys[2].name=ops",
        "retrobridge.security.api-keys[2].key=" + ApiKeyAccessTest.ADMIN_KEY,
        "retrobridge.security.api-keys[2].role=admin",
        "retrobridge.security.bootstrap-admin-key=" + ApiKeyAccessTest.BOOTSTRAP_KEY})
@ActiveProfiles("test")
@AutoConfigureObservability
@Import(ApiKeyAccessTest.ProbeEndpoints.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyAccessTest {

    static final String PIPELINE_KEY = "pipe-Kq3v9TzL2mW8xR4n";
    static final String VIEWER_KEY = "view-Jd7sP1cY6bN0hF5g";
    static final String ADMIN_KEY = "admn-Wu2eT8kV4qZ9aM3r";
    static final String BOOTSTRAP_KEY = "boot-Hx6yG1pS7dL5cB0j";
    static final String UNKNOWN_KEY = "nope-Ae4rF9uI2oP6lK8z";

    /** Stand-ins for endpoints other parts add later, so the rules are tested on their own. */
    @RestController
    static class ProbeEndpoints {
        @PostMapping("/api/pipeline/probe-events")
        Map<String, Object> pipelineEvent() {
            return Map.of("accepted", true);
        }

        @PostMapping("/api/probe-write")
        Map<String, Object> otherWrite() {
            return Map.of("written", true);
        }

        @PostMapping("/webhooks/probe")
        Map<String, Object> webhook() {
            return Map.of("received", true);
        }

        @GetMapping("/api/probe-read")
        Map<String, Object> read() {
            return Map.of("read", true);
        }
    }

    @LocalServerPort
    int port;

    ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(port);
    }

    @Test
    void healthAndInfoAnswerWithoutAKey() {
        // Open means not refused: the health status comes back (503 while the test's unreachable systems are DOWN).
        HttpResponse<String> health = api.get("/actuator/health");
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).contains("\"status\"");
        assertThat(api.get("/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void healthIgnoresAnUnknownKeyInsteadOfRefusingIt() {
        HttpResponse<String> health = api.get("/actuator/health", "X-API-Key", UNKNOWN_KEY);
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).contains("\"status\"");
    }

    @Test
    void whoamiWithoutAKeyIs401WithAHowTo() {
        HttpResponse<String> response = api.get("/api/whoami");

        assertUnauthorized(response);
    }

    @Test
    void whoamiWithAnUnknownKeyIs401AndDoesNotEchoTheKey() {
        HttpResponse<String> viaHeader = api.get("/api/whoami", "X-API-Key", UNKNOWN_KEY);
        HttpResponse<String> viaBearer = api.get("/api/whoami", "Authorization", "Bearer " + UNKNOWN_KEY);

        assertUnauthorized(viaHeader);
        assertUnauthorized(viaBearer);
        assertThat(viaHeader.body() + viaBearer.body() + viaHeader.headers().map() + viaBearer.headers().map())
                .doesNotContain(UNKNOWN_KEY);
    }

    @Test
    void whoamiNamesTheCallerForXApiKeyAndForBearer() {
        HttpResponse<String> viaHeader = api.get("/api/whoami", "X-API-Key", PIPELINE_KEY);
        HttpResponse<String> viaBearer = api.get("/api/whoami", "Authorization", "Bearer " + VIEWER_KEY);
        HttpResponse<String> lowerCaseScheme = api.get("/api/whoami", "Authorization", "bearer " + ADMIN_KEY);

        assertThat(viaHeader.statusCode()).isEqualTo(200);
        assertThat(json(viaHeader).get("name").asText()).isEqualTo("ci-pipeline");
        assertThat(json(viaHeader).get("role").asText()).isEqualTo("pipeline");
        assertThat(viaBearer.statusCode()).isEqualTo(200);
        assertThat(json(viaBearer).get("name").asText()).isEqualTo("grafana");
        assertThat(json(viaBearer).get("role").asText()).isEqualTo("viewer");
        assertThat(json(lowerCaseScheme).get("name").asText()).isEqualTo("ops");
    }

    @Test
    void bootstrapAdminKeyIsAnAdmin() {
        HttpResponse<String> response = api.get("/api/whoami", "X-API-Key", BOOTSTRAP_KEY);

        assertThat(json(response).get("name").asText()).isEqualTo("bootstrap-admin");
        assertThat(json(response).get("role").asText()).isEqualTo("admin");
    }

    @Test
    void xApiKeyWinsOverAnAuthorizationHeaderAddedByAProxy() {
        HttpResponse<String> response = api.get("/api/whoami",
                "X-API-Key", VIEWER_KEY, "Authorization", "Basic cHJveHk6cGFzcw==");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("name").asText()).isEqualTo("grafana");
    }

    @Test
    void viewerIsRefusedAdminPathsWithTheRoleNeededAndHeld() {
        HttpResponse<String> response = api.get("/api/admin/settings", "X-API-Key", VIEWER_KEY);

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(403);
        assertThat(body.get("requiredRole").asText()).isEqualTo("admin");
        assertThat(body.get("heldRole").asText()).isEqualTo("viewer");
        assertThat(body.get("error").asText()).contains("admin").contains("viewer");
        assertThat(response.body()).doesNotContain(VIEWER_KEY);
    }

    @Test
    void viewerMayReadButNotWrite() {
        assertThat(api.get("/api/probe-read", "X-API-Key", VIEWER_KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> pipelinePost = api.post("/api/pipeline/probe-events", "X-API-Key", VIEWER_KEY);
        assertThat(pipelinePost.statusCode()).isEqualTo(403);
        assertThat(json(pipelinePost).get("requiredRole").asText()).isEqualTo("pipeline");
        assertThat(json(pipelinePost).get("hint").asText()).isEqualTo("use a key with role pipeline or admin");
    }

    @Test
    void pipelineMayPostPipelineEventsAndReadButNotAdminister() {
        HttpResponse<String> event = api.post("/api/pipeline/probe-events", "Authorization", "Bearer " + PIPELINE_KEY);
        assertThat(event.statusCode()).isEqualTo(200);
        assertThat(json(event).get("accepted").asBoolean()).isTrue();
        assertThat(api.get("/api/probe-read", "X-API-Key", PIPELINE_KEY).statusCode()).isEqualTo(200);

        HttpResponse<String> admin = api.get("/api/admin/settings", "X-API-Key", PIPELINE_KEY);
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(json(admin).get("heldRole").asText()).isEqualTo("pipeline");
        HttpResponse<String> otherWrite = api.post("/api/probe-write", "X-API-Key", PIPELINE_KEY);
        assertThat(otherWrite.statusCode()).isEqualTo(403);
        assertThat(json(otherWrite).get("requiredRole").asText()).isEqualTo("admin");
    }

    @Test
    void adminMayDoEverything() {
        assertThat(api.post("/api/pipeline/probe-events", "X-API-Key", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(api.post("/api/probe-write", "X-API-Key", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/probe-read", "X-API-Key", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/admin/settings", "X-API-Key", ADMIN_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void adminSettingsShowWhatRunsButNoSecret() {
        HttpResponse<String> response = api.get("/api/admin/settings", "X-API-Key", ADMIN_KEY);

        JsonNode body = json(response);
        assertThat(body.at("/jira/baseUrl").asText()).isEqualTo("http://127.0.0.1:9");
        assertThat(body.at("/jira/apiToken").asText()).isEqualTo("****");
        assertThat(body.at("/jira/personalAccessToken").asText()).isEqualTo("<unset>");
        assertThat(body.at("/servicenow/password").asText()).isEqualTo("****");
        assertThat(body.at("/servicenow/username").asText()).isEqualTo("test.integration");
        assertThat(body.at("/security/bootstrapAdminKey").asText()).isEqualTo("****");
        assertThat(body.at("/security/apiKeys").findValuesAsText("name"))
                .containsExactly("ci-pipeline", "grafana", "ops", "bootstrap-admin");
        assertThat(body.at("/security/apiKeys").findValuesAsText("key")).containsOnly("****");
        assertThat(response.body()).doesNotContain(
                "test-jira-token", "test-jira-webhook-secret", "test-servicenow-password",
                "test-servicenow-webhook-secret", PIPELINE_KEY, VIEWER_KEY, ADMIN_KEY, BOOTSTRAP_KEY);
    }

    @Test
    void prometheusNeedsAKeyOfAnyRole() {
        assertUnauthorized(api.get("/actuator/prometheus"));

        HttpResponse<String> scrape = api.get("/actuator/prometheus", "Authorization", "Bearer " + VIEWER_KEY);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void webhooksNeedNoKeyAndIgnoreTheSendersOwnAuthorizationHeader() {
        assertThat(api.post("/webhooks/probe").statusCode()).isEqualTo(200);
        assertThat(api.post("/webhooks/probe", "Authorization", "Bearer alertmanager-own-token").statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownPathsAreProtectedToo() {
        assertUnauthorized(api.get("/api/no-such-thing"));
        assertThat(api.get("/api/no-such-thing", "X-API-Key", VIEWER_KEY).statusCode()).isEqualTo(404);
    }

    @Test
    void noSessionIsCreated() {
        HttpResponse<String> response = api.get("/api/whoami", "X-API-Key", VIEWER_KEY);

        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void noKeyEverReachesTheLogAndNoDefaultPasswordIsGenerated(CapturedOutput output) {
        api.get("/api/whoami", "X-API-Key", UNKNOWN_KEY);
        api.get("/api/admin/settings", "X-API-Key", VIEWER_KEY);
        api.get("/api/whoami", "Authorization", "Bearer " + ADMIN_KEY);

        // Proves the start-up log was captured, so the checks below look at something.
        assertThat(output.getAll()).contains("API keys accepted: ci-pipeline (pipeline), grafana (viewer), ops (admin), "
                + "bootstrap-admin (admin)");
        for (String key : List.of(PIPELINE_KEY, VIEWER_KEY, ADMIN_KEY, BOOTSTRAP_KEY, UNKNOWN_KEY)) {
            assertThat(output.getAll()).doesNotContain(key);
        }
        assertThat(output.getAll()).doesNotContain("Using generated security password");
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("error").asText()).isEqualTo("missing or unknown API key");
        assertThat(body.get("hint").asText()).isEqualTo("send X-API-Key: <key> or Authorization: Bearer <key>");
    }
}
