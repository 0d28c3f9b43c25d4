package io.retrobridge.pipeline;

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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Posts CI/CD deliveries to a running RetroBridge as each system does, and reads what the inbox stored. Every
 * pipeline webhook test sets the same four secrets, so they share one application context.
 */
public final class PipelineDeliveries {

    public static final String GITHUB_SECRET = "test-github-webhook-secret";
    public static final String GITLAB_SECRET = "test-gitlab-webhook-token";
    public static final String JENKINS_SECRET = "test-jenkins-webhook-secret";
    public static final String AZURE_DEVOPS_SECRET = "test-azure-devops-hook-secret";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final JdbcClient jdbc;

    public PipelineDeliveries(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    public static String hmac(String body, String secret) {
        return new WebhookSignature(secret).sign(body.getBytes(StandardCharsets.UTF_8));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** headers: name, value, ... */
    public HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public void emptyInbox() {
        jdbc.sql("DELETE FROM inbound_events").update();
    }

    /** Every stored event: source_system, event_kind, entity_id, dedup_key, payload, in arrival order. */
    public List<Map<String, Object>> stored() {
        return jdbc.sql("SELECT source_system, event_kind, entity_id, dedup_key, payload FROM inbound_events"
                + " ORDER BY arrival_seq").query().listOfRows();
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
