package io.retrobridge.web.security;

import static io.retrobridge.web.security.ApiCalls.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What the open endpoints and the settings view tell a caller, and what a refused caller leaves in the log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + ExposureTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer",
        "retrobridge.jira.base-url=http://bot:" + ExposureTest.URL_PASSWORD + "@127.0.0.1:9/jira",
        "retrobridge.servicenow.base-url=https://proxyuser@sn.invalid:8443"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ExposureTest {

    static final String VIEWER_KEY = "view-Tq8sE2cW5nB7hK3m";
    static final String ADMIN_KEY = "test-admin-key-0123456789";
    static final String URL_PASSWORD = "Pw-in-url-5Hd9";

    @LocalServerPort
    int port;

    ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(port);
    }

    @Test
    void anonymousHealthSaysOnlyUpOrDown() {
        HttpResponse<String> health = api.get("/actuator/health");

        assertThat(health.statusCode()).isIn(200, 503);
        JsonNode body = json(health);
        assertThat(body.get("status").asText()).isIn("UP", "DOWN");
        assertThat(body.has("components")).as(health.body()).isFalse();
        assertThat(health.body()).doesNotContain("jira").doesNotContain("servicenow").doesNotContain("mappings")
                .doesNotContain("test@retrobridge.example");
    }

    @Test
    void anUnknownKeyOnHealthIsNotRefusedButSeesNoMoreThanAnonymous() {
        HttpResponse<String> health = api.get("/actuator/health", "X-API-Key", "nope-Ae4rF9uI2oP6lK8z");

        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(json(health).has("components")).isFalse();
    }

    @Test
    void aViewerSeesTheComponentsAndTheirMessages() {
        HttpResponse<String> health = api.get("/actuator/health", "X-API-Key", VIEWER_KEY);

        assertThat(health.statusCode()).isIn(200, 503);
        JsonNode components = json(health).get("components");
        assertThat(components).as(health.body()).isNotNull();
        assertThat(components.has("jira")).isTrue();
        assertThat(components.has("mappings")).isTrue();
        assertThat(components.get("jira").has("details")).isTrue();
    }

    @Test
    void infoNamesNoFrameworkOrRuntimeVersions() {
        HttpResponse<String> info = api.get("/actuator/info");

        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body().toLowerCase()).doesNotContain("version").doesNotContain("camel")
                .doesNotContain("spring").doesNotContain("java").doesNotContain(System.getProperty("java.version"));
    }

    @Test
    void theSettingsViewMasksUserInfoInBaseUrls() {
        HttpResponse<String> settings = api.get("/api/admin/settings", "X-API-Key", ADMIN_KEY);

        assertThat(settings.statusCode()).isEqualTo(200);
        JsonNode body = json(settings);
        assertThat(body.get("jira").get("baseUrl").asText()).isEqualTo("http://***@127.0.0.1:9/jira");
        assertThat(body.get("servicenow").get("baseUrl").asText()).isEqualTo("https://***@sn.invalid:8443");
        assertThat(body.get("connections").get("allowInsecureHttp").asBoolean()).isFalse();
        assertThat(body.get("retention").get("journal").asText()).isEqualTo("PT9600H");
        assertThat(body.get("retention").get("replayedDeadLetters").asText()).isEqualTo("PT2160H");
        assertThat(settings.body()).doesNotContain(URL_PASSWORD).doesNotContain("bot:").doesNotContain("proxyuser");
    }

    @Test
    void aRefusedKeyIsLoggedOncePerMinuteByFingerprintNeverByItself(CapturedOutput output) {
        String wrongKey = "wrong-" + System.nanoTime() + "-Zx9q";
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/whoami", "X-API-Key", wrongKey).statusCode()).isEqualTo(401);
        }
        String fingerprint = RefusedCallLog.fingerprint(wrongKey);

        assertThat(linesWith(output, fingerprint)).hasSize(1);
        assertThat(linesWith(output, fingerprint).get(0)).contains("INFO").contains("Refused GET /api/whoami")
                .contains("(401)");
        assertThat(output.getAll()).doesNotContain(wrongKey).doesNotContain(wrongKey.substring(0, 12));
    }

    @Test
    void aKeyWithTooSmallARoleIsLoggedOncePerMinuteByName(CapturedOutput output) {
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/admin/audit", "X-API-Key", VIEWER_KEY).statusCode()).isEqualTo(403);
        }

        List<String> lines = linesWith(output, "key 'grafana' (role viewer) needs role admin (403)");
        assertThat(lines).hasSize(1);
        assertThat(output.getAll()).doesNotContain(VIEWER_KEY);
    }

    private static List<String> linesWith(CapturedOutput output, String text) {
        List<String> lines = new ArrayList<>();
        for (String line : output.getAll().split("\\R")) {
            if (line.contains(text)) {
                lines.add(line);
            }
        }
        return lines;
    }
}
