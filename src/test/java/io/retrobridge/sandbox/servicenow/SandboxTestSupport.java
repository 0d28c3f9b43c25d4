package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.testsupport.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a sandbox with an integration user on a hand-moved clock, and speaks HTTP to it as a client would. */
abstract class SandboxTestSupport {

    static final String USER = "retrobridge.integration";
    static final String PASSWORD = "s3cret-pw";
    static final Instant START = Instant.parse("2026-03-02T09:30:00Z");

    final HttpClient http = HttpClient.newHttpClient();
    MutableClock clock;
    ServiceNowSandbox sandbox;

    @BeforeEach
    void startSandbox() throws Exception {
        clock = new MutableClock(START);
        sandbox = new ServiceNowSandbox(0, clock).start();
        sandbox.addUser(USER, PASSWORD, "itil");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(String method, String pathAndQuery, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
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

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send("GET", pathAndQuery, null, basic(USER, PASSWORD));
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, basic(USER, PASSWORD));
    }

    HttpResponse<String> patch(String path, String json) throws Exception {
        return send("PATCH", path, json, basic(USER, PASSWORD));
    }

    /** The "result" of a successful answer. */
    static JsonNode result(HttpResponse<String> response) {
        return SandboxJson.parse(response.body()).get("result");
    }

    static JsonNode json(HttpResponse<String> response) {
        return SandboxJson.parse(response.body());
    }

    /** Numbers of the records a list answer returned, in order. */
    static java.util.List<String> numbers(HttpResponse<String> response) {
        java.util.List<String> numbers = new java.util.ArrayList<>();
        result(response).forEach(r -> numbers.add(r.get("number").asText()));
        return numbers;
    }
}
