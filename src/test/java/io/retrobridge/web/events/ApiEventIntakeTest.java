package io.retrobridge.web.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The intake behind {@code POST /api/events/{name}} as a caller sees it: what it does when the store is down, the
 * body is too large or the name is unknown; and that the registered deployment source is described with its schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "retrobridge.security.api-keys[0].name=release-pipeline",
        "retrobridge.security.api-keys[0].key=" + ApiEventIntakeTest.PIPELINE_KEY,
        "retrobridge.security.api-keys[0].role=pipeline"})
@ActiveProfiles("test")
class ApiEventIntakeTest {

    static final String PIPELINE_KEY = "pipe-Hs5gJ8kL1zX4cV7b";
    private static final String ADMIN_KEY = "test-admin-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT = """
            {"application": "payment-gateway", "environment": "production", "version": "4.2.1", "runId": "77",
             "startedAt": "2026-12-01T14:02:11Z"}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void emptyInbox() {
        jdbc.sql("DELETE FROM inbound_events").update();
    }

    @Test
    void whenTheStoreIsDownTheCallerIsToldToRetryAndTheRetryIsStored() {
        jdbc.sql("ALTER TABLE inbound_events RENAME TO inbound_events_offline").update();
        HttpResponse<String> duringOutage;
        try {
            duringOutage = post("/api/events/deployments", EVENT);
        } finally {
            jdbc.sql("ALTER TABLE inbound_events_offline RENAME TO inbound_events").update();
        }

        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(duringOutage.headers().firstValue("Retry-After")).contains("30");
        assertThat(json(duringOutage).get("error").asText()).contains("could not be stored");
        HttpResponse<String> retry = post("/api/events/deployments", EVENT);
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(json(retry).get("status").asText()).isEqualTo("accepted");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedAndNothingIsStored() {
        String huge = EVENT.replace("\"77\"", "\"77\", \"pipeline\": \"" + "x".repeat(ApiEventIntake.MAX_BODY_BYTES) + "\"");

        HttpResponse<String> response = post("/api/events/deployments", huge);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").asText()).contains("larger than " + ApiEventIntake.MAX_BODY_BYTES);
        assertThat(count()).isZero();
    }

    @Test
    void anUnknownNameIsNotFoundAndTheAnswerListsTheKnownOnes() {
        HttpResponse<String> response = post("/api/events/deploymnets", EVENT);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).contains("'deploymnets'").contains("deployments");
        assertThat(json(response).get("sources").toString()).contains("\"deployments\"");
        assertThat(count()).isZero();
    }

    @Test
    void theDeploymentEventIsDescribedWithItsSchemaAndTheRoleItNeeds() throws IOException {
        HttpResponse<String> served = get("/v3/api-docs");
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode description = json(served);
        JsonNode operation = description.at("/paths/~1api~1events~1deployments/post");

        assertThat(operation.path("x-required-role").asText()).isEqualTo("pipeline");
        assertThat(operation.path("summary").asText()).isNotBlank();
        assertThat(operation.at("/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/DeploymentEvent");
        assertThat(operation.at("/responses/202").isMissingNode()).isFalse();
        assertThat(operation.at("/responses/400").isMissingNode()).isFalse();
        assertThat(operation.at("/responses/503").isMissingNode()).isFalse();
        assertThat(description.at("/paths/~1api~1events~1{name}/post/x-required-role").asText()).isEqualTo("pipeline");

        JsonNode described = description.at("/components/schemas/DeploymentEvent");
        JsonNode shipped = shippedSchema();
        List<String> shippedFields = new ArrayList<>();
        shipped.get("properties").fieldNames().forEachRemaining(shippedFields::add);
        List<String> describedFields = new ArrayList<>();
        described.get("properties").fieldNames().forEachRemaining(describedFields::add);
        assertThat(describedFields).containsExactlyElementsOf(shippedFields).contains("application", "environment",
                "version", "commitSha", "pipeline", "runId", "runUrl", "startedAt", "finishedAt", "result", "rollback",
                "changeNumber");
        assertThat(texts(described.get("required"))).containsExactlyInAnyOrderElementsOf(texts(shipped.get("required")));
        for (String field : shippedFields) {
            assertThat(described.at("/properties/" + field + "/description").asText()).as(field)
                    .isEqualTo(shipped.at("/properties/" + field + "/description").asText()).isNotBlank();
            assertThat(described.at("/properties/" + field + "/example").isMissingNode()).as(field + " example").isFalse();
        }
        assertThat(described.at("/properties/result/enum").toString())
                .isEqualTo("[\"success\",\"failure\",\"aborted\",\"running\"]");
        assertThat(described.at("/properties/finishedAt/nullable").asBoolean()).isTrue();
    }

    @Test
    void theShippedSchemaExplainsEveryFieldWithAnExample() throws IOException {
        JsonNode schema = shippedSchema();

        assertThat(schema.path("$schema").asText()).startsWith("https://json-schema.org/");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        schema.get("properties").fields().forEachRemaining(field -> {
            assertThat(field.getValue().path("description").asText()).as(field.getKey()).isNotBlank();
            assertThat(field.getValue().path("examples").size()).as(field.getKey() + " examples").isPositive();
        });
    }

    private static JsonNode shippedSchema() throws IOException {
        try (var in = ApiEventIntakeTest.class.getResourceAsStream("/schemas/deployment-event.schema.json")) {
            return JSON.readTree(in);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(each -> texts.add(each.asText()));
        return texts;
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_events").query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-API-Key", PIPELINE_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-API-Key", ADMIN_KEY));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
