package io.retrobridge.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.retrobridge.sandbox.servicenow.ServiceNowSandbox;
import io.retrobridge.testsupport.AdminApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application against a WireMock Jira and the ServiceNow sandbox: /actuator/health over real
 * HTTP, and the connection-watch route (routes/connection-watch.yaml) noticing a change.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConnectionHealthEndToEndTest {

    // The credentials of application-test.yaml.
    static final String JIRA_EMAIL = "test@retrobridge.example";
    static final String JIRA_TOKEN = "test-jira-token";
    static final String SN_USER = "test.integration";
    static final String SN_PASSWORD = "test-servicenow-password";

    static final WireMockServer JIRA = new WireMockServer(options().dynamicPort());
    static final ServiceNowSandbox SERVICENOW;

    static {
        JIRA.start();
        JIRA.stubFor(get("/rest/api/3/myself").withBasicAuth(JIRA_EMAIL, JIRA_TOKEN).willReturn(aResponse()
                .withStatus(200).withBody("{\"displayName\":\"Test Bot\",\"emailAddress\":\"" + JIRA_EMAIL + "\"}")));
        try {
            SERVICENOW = new ServiceNowSandbox(0, Clock.systemUTC()).start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        SERVICENOW.addUser(SN_USER, SN_PASSWORD, "itil");
    }

    @DynamicPropertySource
    static void remoteSystems(DynamicPropertyRegistry registry) {
        registry.add("retrobridge.jira.base-url", () -> jiraUrl());
        registry.add("retrobridge.servicenow.base-url", () -> SERVICENOW.baseUrl().toString());
        registry.add("retrobridge.connections.check-interval", () -> "200ms");
        registry.add("retrobridge.connections.health-cache-ttl", () -> "0s");
    }

    @AfterAll
    static void stopRemoteSystems() {
        JIRA.stop();
        SERVICENOW.close();
    }

    static String jiraUrl() {
        return "http://localhost:" + JIRA.port();
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Test
    void healthShowsBothSystemsUpWithWhomWeAreAndNoSecret(CapturedOutput output) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).header("X-API-Key", AdminApi.ADMIN_KEY).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode components = new ObjectMapper().readTree(response.body()).get("components");
        assertThat(components.at("/jira/status").asText()).isEqualTo("UP");
        assertThat(components.at("/jira/details/url").asText()).isEqualTo(jiraUrl());
        assertThat(components.at("/jira/details/authenticatedAs").asText()).isEqualTo("Test Bot (" + JIRA_EMAIL + ")");
        assertThat(components.at("/jira/details/latencyMs").isNumber()).isTrue();
        assertThat(components.at("/servicenow/status").asText()).isEqualTo("UP");
        assertThat(components.at("/servicenow/details/authenticatedAs").asText()).isEqualTo(SN_USER);
        assertThat(components.at("/servicenow/details/url").asText()).isEqualTo(SERVICENOW.baseUrl().toString());
        assertNoSecretIn(response.body());
        assertNoSecretIn(output.getAll());
    }

    @Test
    void theWatchRouteLogsOneLineWhenJiraGoesDownAndOneWhenItIsBack(CapturedOutput output) throws Exception {
        assertThat(camel.getRoute("connection-watch")).as("routes/connection-watch.yaml is loaded").isNotNull();
        String down = "Jira " + jiraUrl() + " is DOWN: credentials refused (401): check retrobridge.jira.email and "
                + "RETROBRIDGE_JIRA_API_TOKEN";
        String upAgain = "Jira " + jiraUrl() + " is UP again (as Test Bot (" + JIRA_EMAIL + ")";

        StubMapping refused = JIRA.stubFor(get("/rest/api/3/myself").atPriority(1)
                .willReturn(aResponse().withStatus(401)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getAll()).contains(down));
        Thread.sleep(1_000); // several more checks, all DOWN for the same reason
        assertThat(occurrences(output.getAll(), down)).isEqualTo(1);

        JIRA.removeStub(refused);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getAll()).contains(upAgain));
        Thread.sleep(600);
        assertThat(occurrences(output.getAll(), upAgain)).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain("ServiceNow " + SERVICENOW.baseUrl() + " is DOWN");
        assertNoSecretIn(output.getAll());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void assertNoSecretIn(String text) {
        String basic = Base64.getEncoder().encodeToString((JIRA_EMAIL + ":" + JIRA_TOKEN).getBytes(StandardCharsets.UTF_8));
        String snBasic = Base64.getEncoder().encodeToString((SN_USER + ":" + SN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(text).doesNotContain(JIRA_TOKEN).doesNotContain(SN_PASSWORD).doesNotContain(basic)
                .doesNotContain(snBasic);
    }
}
