package io.retrobridge.web.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeploymentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** GET /api/deployments/telemetry over real HTTP with a viewer's key, against runs recorded in the store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=grafana",
        "retrobridge.security.api-keys[0].key=" + DeploymentTelemetryApiTest.VIEWER_KEY,
        "retrobridge.security.api-keys[0].role=viewer"})
@ActiveProfiles("test")
class DeploymentTelemetryApiTest {

    static final String VIEWER_KEY = "view-Tm4qW8zR2xK6pL0s";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DeploymentStore deployments;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noDeployments() {
        jdbc.sql("DELETE FROM deployments").update();
    }

    @Test
    void theTelemetryOfAWindowIsCountedFromTheRecordedRuns() {
        record("1", "production", "2026-11-02T10:00:00Z", "2026-11-02T10:05:00Z", DeploymentResult.SUCCESS, false);
        record("2", "production", "2026-11-05T10:00:00Z", "2026-11-05T10:12:00Z", DeploymentResult.FAILURE, false);
        record("3", "production", "2026-11-05T11:00:00Z", "2026-11-05T11:03:00Z", DeploymentResult.SUCCESS, true);
        record("4", "production", "2026-11-20T09:00:00Z", "2026-11-20T09:20:00Z", DeploymentResult.ABORTED, false);
        record("5", "staging", "2026-11-20T08:00:00Z", "2026-11-20T08:01:00Z", DeploymentResult.SUCCESS, true);
        record("6", "production", "2026-12-02T08:00:00Z", "2026-12-02T08:01:00Z", DeploymentResult.SUCCESS, true);

        HttpResponse<String> response = get("?application=checkout&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                VIEWER_KEY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("application").asText()).isEqualTo("checkout");
        assertThat(body.path("environment").asText()).isEqualTo("production");
        assertThat(body.path("from").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(body.path("to").asText()).isEqualTo("2026-12-01T00:00:00Z");
        // Runs 1-4: two failed (2, 4), one rollback (3) of four; durations 180, 300, 720, 1200 s.
        assertThat(body.path("deployments").asInt()).isEqualTo(4);
        assertThat(body.path("failed").asInt()).isEqualTo(2);
        assertThat(body.path("rollbacks").asInt()).isEqualTo(1);
        assertThat(body.path("rollbackFrequency").asDouble()).isEqualTo(0.25);
        assertThat(body.path("medianDurationSeconds").asDouble()).isEqualTo(510.0);
        assertThat(body.path("medianDuration").asText()).isEqualTo("PT8M30S");
        assertThat(body.path("longestDurationSeconds").asDouble()).isEqualTo(1200.0);
        assertThat(body.path("longestDuration").asText()).isEqualTo("PT20M");

        JsonNode staging = json(get("?application=checkout&environment=Staging&from=2026-11-01T00:00:00Z"
                + "&to=2026-12-01T00:00:00Z", VIEWER_KEY));
        assertThat(staging.path("environment").asText()).isEqualTo("staging");
        assertThat(staging.path("rollbacks").asInt()).isEqualTo(1);
        assertThat(staging.path("rollbackFrequency").asDouble()).isEqualTo(1.0);
    }

    @Test
    void withoutAWindowTheLast30DaysInProductionAreCounted() {
        Instant now = Instant.now();
        record("1", "production", now.minus(Duration.ofDays(2)).toString(),
                now.minus(Duration.ofDays(2)).plusSeconds(60).toString(), DeploymentResult.SUCCESS, false);
        record("2", "production", now.minus(Duration.ofDays(40)).toString(),
                now.minus(Duration.ofDays(40)).plusSeconds(60).toString(), DeploymentResult.SUCCESS, false);

        JsonNode body = json(get("?application=checkout", VIEWER_KEY));

        assertThat(body.path("deployments").asInt()).isEqualTo(1);
        assertThat(body.path("environment").asText()).isEqualTo("production");
        assertThat(Duration.between(Instant.parse(body.path("from").asText()), Instant.parse(body.path("to").asText())))
                .isEqualTo(Duration.ofDays(30));
        assertThat(body.path("medianDurationSeconds").asDouble()).isEqualTo(60.0);
    }

    @Test
    void aWindowWithoutRunsGivesZeroesAndNoDurations() {
        JsonNode body = json(get("?application=checkout&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                VIEWER_KEY));

        assertThat(body.path("deployments").asInt()).isZero();
        assertThat(body.path("rollbackFrequency").asDouble()).isZero();
        assertThat(body.path("medianDurationSeconds").isNull()).isTrue();
        assertThat(body.path("longestDuration").isNull()).isTrue();
    }

    @Test
    void badParametersAreRefusedWith400NamingTheParameter() {
        assertRefused("", "application", "application is missing");
        assertRefused("?application=" + encode("<script>"), "application", "application '<script>' is not");
        assertRefused("?application=checkout&environment=" + encode("prod uction"), "environment",
                "environment 'prod uction' is not");
        assertRefused("?application=checkout&from=yesterday", "from", "from 'yesterday' is not an ISO 8601 time");
        assertRefused("?application=checkout&to=2026-13-01", "to", "to '2026-13-01' is not an ISO 8601 time");
        assertRefused("?application=checkout&from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", "from",
                "from 2026-12-01T00:00:00Z is not before to");
    }

    @Test
    void aKeyIsNeeded() {
        assertThat(get("?application=checkout", null).statusCode()).isEqualTo(401);
    }

    private void assertRefused(String query, String parameter, String reason) {
        HttpResponse<String> response = get(query, VIEWER_KEY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("parameter").asText()).isEqualTo(parameter);
        assertThat(json(response).path("error").asText()).startsWith(reason);
    }

    private void record(String runId, String environment, String started, String finished, DeploymentResult result,
                        boolean rollback) {
        deployments.record(new Deployment(ExternalSystem.valueOf("PIPELINE"), runId, "checkout", environment,
                "1." + runId, null, null, null, Instant.parse(started), Instant.parse(finished), result, rollback,
                null));
    }

    private HttpResponse<String> get(String query, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/deployments/telemetry" + query)).GET();
        if (key != null) {
            request.header("X-API-Key", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
