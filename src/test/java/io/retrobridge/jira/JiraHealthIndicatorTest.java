package io.retrobridge.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.transport.ConnectionsProperties;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The jira health component against a WireMock Jira: UP with whom we are, DOWN with what to fix. */
@ExtendWith(OutputCaptureExtension.class)
class JiraHealthIndicatorTest {

    static final String EMAIL = "bot@acme.example";
    static final String API_TOKEN = "cloud-token-Vb72Kq";
    static final String PAT = "server-pat-Hy41Xs";
    static final String MYSELF = "/rest/api/3/myself";

    WireMockServer wire;
    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:30:00Z"));

    @BeforeEach
    void start() {
        wire = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
        wire.start();
    }

    @AfterEach
    void stop() {
        wire.stop();
    }

    String http() {
        return "http://localhost:" + wire.port();
    }

    JiraHealthIndicator cloud(String baseUrl, Duration readTimeout) {
        return indicator(new JiraProperties(URI.create(baseUrl), EMAIL, API_TOKEN, null, "hook-secret",
                Duration.ofSeconds(2), readTimeout, Duration.ofMinutes(3)));
    }

    JiraHealthIndicator cloud() {
        return cloud(http(), Duration.ofSeconds(5));
    }

    JiraHealthIndicator indicator(JiraProperties properties) {
        return new JiraHealthIndicator(JiraConnectionConfiguration.connectionCheck(
                JiraConnectionConfiguration.remoteSystem(properties, camel.sender()), properties,
                new ConnectionsProperties(Duration.ofSeconds(60), Duration.ofSeconds(15), false), clock));
    }

    @Test
    void cloudIsUpAsTheUserJiraSaysWeAre() throws Exception {
        String myself = Files.readString(Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"),
                "jira/samples/myself.response-200.json"));
        wire.stubFor(get(MYSELF).withBasicAuth(EMAIL, API_TOKEN).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(myself)));

        Health health = cloud().health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("url", http())
                .containsEntry("authenticatedAs", "Mia Krystof (mia@example.com)")
                .containsKey("latencyMs").doesNotContainKey("reason");
    }

    @Test
    void serverAndDataCenterUseRestV2WithTheirPersonalAccessToken() {
        wire.stubFor(get("/rest/api/2/myself").withHeader("Authorization", equalTo("Bearer " + PAT))
                .willReturn(aResponse().withStatus(200).withBody("{\"name\":\"svc-retro\",\"displayName\":\"Retro Bot\"}")));

        Health health = indicator(new JiraProperties(URI.create(http()), null, null, PAT, null,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(3))).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("authenticatedAs", "Retro Bot (svc-retro)");
    }

    @Test
    void refusedCredentialsSayWhichSettingsToCheck(CapturedOutput output) {
        wire.stubFor(get(MYSELF).willReturn(aResponse().withStatus(401).withBody("Client must be authenticated")));

        Health health = cloud().health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason"))
                .startsWith("credentials refused (401): check retrobridge.jira.email and RETROBRIDGE_JIRA_API_TOKEN");
        assertNoSecretIn(health.getDetails().toString());
        assertNoSecretIn(output.getAll());
    }

    @Test
    void forbiddenSaysWhatPermissionIsMissing() {
        wire.stubFor(get(MYSELF).willReturn(aResponse().withStatus(403)));

        Health health = cloud().health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason")).startsWith("access forbidden (403)")
                .contains("product access");
    }

    @Test
    void aClosedPortIsUnreachableWithHostAndPort() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Health health = cloud("http://127.0.0.1:" + closed, Duration.ofSeconds(5)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason"))
                .startsWith("unreachable: nothing answers at 127.0.0.1:" + closed)
                .contains("retrobridge.jira.base-url");
    }

    @Test
    void aSlowJiraIsATimeout() {
        wire.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(2_000)));

        Health health = cloud(http(), Duration.ofMillis(300)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason")).startsWith("timeout: localhost:" + wire.port());
    }

    @Test
    void anUntrustedCertificateIsATlsProblem() {
        wire.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));

        Health health = cloud("https://localhost:" + wire.httpsPort(), Duration.ofSeconds(5)).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason")).startsWith("TLS problem with localhost:" + wire.httpsPort())
                .contains("truststore");
    }

    @Test
    void aPageThatIsNotJiraIsNotMistakenForUp() {
        wire.stubFor(get(MYSELF).willReturn(aResponse().withStatus(200).withBody("<html>Sign in</html>")));

        Health health = cloud().health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) health.getDetails().get("reason")).startsWith("unexpected answer")
                .contains("retrobridge.jira.base-url");
    }

    @Test
    void aFrequentHealthScrapeAsksJiraOnlyOncePerCachePeriod() {
        wire.stubFor(get(MYSELF).willReturn(aResponse().withStatus(200).withBody("{\"displayName\":\"Bot\"}")));
        JiraHealthIndicator indicator = cloud();

        indicator.health();
        clock.advance(Duration.ofSeconds(14));
        indicator.health();
        wire.verify(1, getRequestedFor(urlPathEqualTo(MYSELF)));

        clock.advance(Duration.ofSeconds(2));
        indicator.health();
        wire.verify(2, getRequestedFor(urlPathEqualTo(MYSELF)));
    }

    private static void assertNoSecretIn(String text) {
        String basic = Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(API_TOKEN).doesNotContain(basic).doesNotContain(PAT);
    }
}
