package io.retrobridge.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The connector's REST API called with a given key (or none), answering the raw response so a test can check
 * status codes and error bodies as a client sees them.
 */
public final class KeyedApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    public KeyedApi(int port) {
        this.port = port;
    }

    /** @param key null sends no key */
    public HttpResponse<String> get(String path, String key) {
        return get(path, key, null);
    }

    /** @param accept null sends no Accept header */
    public HttpResponse<String> get(String path, String key, String accept) {
        HttpRequest.Builder request = request(path, key).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    public HttpResponse<String> post(String path, String key) {
        return send(request(path, key).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    /** The response has this status and an {@code error} naming {@code message}. */
    public static void assertError(HttpResponse<String> response, int status, String message) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(json(response).get("error").asText()).contains(message);
    }

    /** The response is a 400 whose {@code parameter} names the refused query parameter and whose error says why. */
    public static void assertRefused(HttpResponse<String> response, String parameter, String message) {
        String path = response.uri().toString();
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("parameter").asText()).as(path).isEqualTo(parameter);
        assertThat(body.get("error").asText()).as(path).contains(message);
    }

    private HttpRequest.Builder request(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return key == null ? request : request.header("X-API-Key", key);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
