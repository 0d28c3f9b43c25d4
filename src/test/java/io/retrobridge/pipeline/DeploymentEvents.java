package io.retrobridge.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A pipeline posting deployment events to a running RetroBridge, as its curl line does. */
final class DeploymentEvents {

    static final String PATH = "/api/events/deployments";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    DeploymentEvents(int port) {
        this.port = port;
    }

    /** A finished run of payment-gateway 4.2.1 to production with every field set. */
    static ObjectNode finished(String runId, String result) {
        ObjectNode event = started(runId, "4.2.1");
        event.put("finishedAt", "2026-12-01T14:09:47Z");
        event.put("result", result);
        event.put("rollback", false);
        event.put("changeNumber", "CHG0030001");
        return event;
    }

    /** The start of a run: no result, no end. */
    static ObjectNode started(String runId, String version) {
        ObjectNode event = JSON.createObjectNode();
        event.put("application", "payment-gateway");
        event.put("environment", "production");
        event.put("version", version);
        event.put("commitSha", "9f2c4e1a7b3d5f608192a3b4c5d6e7f809a1b2c3");
        event.put("pipeline", "payment-gateway release");
        event.put("runId", runId);
        event.put("runUrl", "https://ci.example.com/payment-gateway/runs/" + runId);
        event.put("startedAt", "2026-12-01T14:02:11Z");
        return event;
    }

    HttpResponse<String> post(JsonNode event, String key) {
        return post(event.toString(), key);
    }

    /** @param key null sends none */
    HttpResponse<String> post(String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
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

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
