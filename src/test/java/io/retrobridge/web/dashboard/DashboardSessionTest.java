package io.retrobridge.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard's session over plain HTTP: its POSTs need the CSRF token, signing in renews the session and sets
 * an HttpOnly, SameSite=Strict cookie, and the session only ever reads, as a viewer, whatever the key's role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=team-lead",
        "retrobridge.security.api-keys[0].key=" + DashboardSessionTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class DashboardSessionTest {

    static final String VIEWER_KEY = "view-Ss3nB8vC1xZ5qW7e";
    private static final String ADMIN_KEY = "test-admin-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TELEMETRY = "/api/deployments/telemetry?application=checkout";

    @LocalServerPort
    int port;

    private CookieManager cookies;
    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    @Test
    void signingInNeedsTheCsrfTokenAndRenewsTheSession(CapturedOutput output) {
        String token = csrfToken();
        String before = sessionId();

        assertThat(signIn(VIEWER_KEY, null).statusCode()).isEqualTo(403);
        assertThat(get(TELEMETRY).statusCode()).isEqualTo(401);

        HttpResponse<String> signedIn = signIn(VIEWER_KEY, token);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).doesNotContain(VIEWER_KEY);
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure");
        assertThat(sessionId()).isNotEqualTo(before);
        assertThat(get(TELEMETRY).statusCode()).isEqualTo(200);
        assertThat(json(get("/dashboard/session")).path("name").asText()).isEqualTo("team-lead");
        assertThat(output).doesNotContain(VIEWER_KEY);
    }

    @Test
    void aWrongKeyOpensNoSession() {
        String token = csrfToken();

        HttpResponse<String> refused = signIn("not-a-registered-key-123", token);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).path("error").asText()).contains("not recognised");
        assertThat(json(get("/dashboard/session")).path("signedIn").asBoolean()).isFalse();
        assertThat(get(TELEMETRY).statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionOfAnAdminKeyStillOnlyReadsAsAViewer() {
        assertThat(signIn(ADMIN_KEY, csrfToken()).statusCode()).isEqualTo(200);

        assertThat(get(TELEMETRY).statusCode()).isEqualTo(200);
        assertThat(get("/api/admin/settings").statusCode()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(url("/api/events/deployments")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(401);
        // A key sent along decides alone, even beside a signed-in session.
        assertThat(send(HttpRequest.newBuilder(url(TELEMETRY)).header("X-API-Key", "not-a-registered-key-123"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutNeedsTheCsrfTokenAndEndsTheSession() {
        assertThat(signIn(VIEWER_KEY, csrfToken()).statusCode()).isEqualTo(200);
        String token = csrfToken();

        assertThat(signOut(null).statusCode()).isEqualTo(403);
        assertThat(get(TELEMETRY).statusCode()).isEqualTo(200);

        assertThat(signOut(token).statusCode()).isEqualTo(204);
        assertThat(get(TELEMETRY).statusCode()).isEqualTo(401);
    }

    @Test
    void thePageIsServedWithoutASession() {
        HttpResponse<String> page = get("/dashboard");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"sign-in-form\"").contains("method=\"post\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("script-src 'self'"));
        assertThat(get("/webjars/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
    }

    private String csrfToken() {
        return json(get("/dashboard/session")).path("csrfToken").asText();
    }

    private String sessionId() {
        List<HttpCookie> all = cookies.getCookieStore().getCookies();
        return all.stream().filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> signIn(String key, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/dashboard/session"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + URLEncoder.encode(key, StandardCharsets.UTF_8)));
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(request);
    }

    private HttpResponse<String> signOut(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/dashboard/session/end"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(request);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(url(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
