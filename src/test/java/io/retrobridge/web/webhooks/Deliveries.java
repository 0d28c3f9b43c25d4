package io.retrobridge.web.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.transport.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sends webhook deliveries to a running RetroBridge the way a sender does: raw bytes plus a signature header. */
final class Deliveries {

    static final String JIRA_SECRET = "test-jira-webhook-secret";
    static final String SERVICENOW_SECRET = "test-servicenow-webhook-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    Deliveries(int port) {
        this.port = port;
    }

    static byte[] jiraSample(String name) {
        Path dir = Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"), "jira", "webhooks-server");
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("reference sample " + name + " is missing", e);
        }
    }

    static String sign(byte[] body, String secret) {
        return new WebhookSignature(secret).sign(body);
    }

    HttpResponse<String> jira(byte[] body) {
        return post("/webhooks/jira", body, "X-Hub-Signature", sign(body, JIRA_SECRET));
    }

    HttpResponse<String> jira(String body) {
        return jira(body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> serviceNow(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post("/webhooks/servicenow", bytes, "X-RetroBridge-Signature", sign(bytes, SERVICENOW_SECRET));
    }

    /** headers: name, value, ... */
    HttpResponse<String> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
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
