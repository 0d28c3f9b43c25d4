package io.retrobridge.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Speaks JSON over HTTP to a running sandbox as a client would. Subclasses say where the sandbox listens and
 * which credentials the shorthand calls ({@link #get}, {@link #post}, ...) sign with.
 */
public abstract class SandboxHttpTestSupport {

    protected final HttpClient http = HttpClient.newHttpClient();

    /** Where the sandbox under test listens, e.g. {@code http://localhost:41234}. */
    protected abstract URI sandboxBaseUrl();

    /** The Authorization header the shorthand calls send. */
    protected abstract String defaultAuthorization();

    public static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Encodes text for a query parameter. */
    public static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return SandboxJson.parse(response.body());
    }

    /** Sends a request; a null body sends none, a null authorization sends no Authorization header. */
    protected HttpResponse<String> send(String method, String pathAndQuery, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandboxBaseUrl() + pathAndQuery))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send("GET", pathAndQuery, null, defaultAuthorization());
    }

    protected HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, defaultAuthorization());
    }

    protected HttpResponse<String> put(String path, String json) throws Exception {
        return send("PUT", path, json, defaultAuthorization());
    }

    protected HttpResponse<String> patch(String path, String json) throws Exception {
        return send("PATCH", path, json, defaultAuthorization());
    }

    protected HttpResponse<String> delete(String path) throws Exception {
        return send("DELETE", path, null, defaultAuthorization());
    }
}
