package io.retrobridge.monitoring.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Posts Alertmanager notifications to a running RetroBridge as Alertmanager's http_config sends them, reads the
 * reference payloads in ../shared/reference/monitoring/alertmanager/, and reads what the inbox and the alerts table
 * hold.
 */
final class AlertmanagerDeliveries {

    static final String SECRET = "test-alertmanager-secret-0123";
    static final String PATH = "/webhooks/alertmanager";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final JdbcClient jdbc;

    AlertmanagerDeliveries(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    static String sample(String name) {
        Path dir = Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"), "monitoring",
                "alertmanager");
        try {
            return Files.readString(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("reference sample " + name + " is missing", e);
        }
    }

    /** The sample with a change made to it, for the cases no public sample shows. */
    static String changed(String name, Consumer<ObjectNode> change) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(sample(name));
            change.accept(body);
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Posted with the configured secret as a bearer token, as authorization: {credentials: ...} sends it. */
    HttpResponse<String> post(String body) {
        return post(body, bearer(SECRET));
    }

    /** @param authorization the Authorization header; null sends none */
    HttpResponse<String> post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Alertmanager/0.27.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    void emptyStores() {
        jdbc.sql("DELETE FROM inbound_events").update();
        jdbc.sql("DELETE FROM alerts").update();
        jdbc.sql("DELETE FROM alert_truncations").update();
        jdbc.sql("DELETE FROM deployments").update();
    }

    /** Every stored event (source, kind, entity, dedup key, status, outcome reason), in arrival order. */
    List<Map<String, Object>> inbox() {
        return jdbc.sql("SELECT source_system, event_kind, entity_id, dedup_key, status, outcome_reason"
                + " FROM inbound_events ORDER BY arrival_seq").query().listOfRows();
    }

    /** Every stored alert, by fingerprint and start. */
    List<Map<String, Object>> alerts() {
        return jdbc.sql("SELECT group_key, fingerprint, alert_name, service, environment, severity, summary,"
                + " starts_at, ends_at, generator_url, deployment_run FROM alerts ORDER BY fingerprint, starts_at")
                .query().listOfRows();
    }

    long truncations() {
        return jdbc.sql("SELECT COUNT(*) FROM alert_truncations").query(Long.class).single();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
