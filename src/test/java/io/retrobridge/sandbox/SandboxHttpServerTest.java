package io.retrobridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxHttpServerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private SandboxHttpServer server;

    @BeforeEach
    void start() throws IOException {
        ErrorBodies errors = (status, message) -> SandboxResponse.json(status, Map.of("message", message));
        server = new SandboxHttpServer("test", 0, errors,
                request -> "secret".equals(request.header("Authorization")) ? Optional.empty()
                        : Optional.of(errors.error(401, "who are you?")),
                Clock.systemUTC());
        server.route("GET", "/items/{id}", request -> SandboxResponse.json(200,
                Map.of("id", request.pathVariable("id"), "q", request.queryParam("q", "none"))));
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                .header("Authorization", "secret").build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesByTemplateAndDecodesQuery() throws Exception {
        HttpResponse<String> response = get("/items/RB-1?q=a%5Eb%3Dc");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"RB-1\"").contains("\"q\":\"a^b=c\"");
    }

    @Test
    void refusesWrongCredentialsAndUnknownPaths() throws Exception {
        HttpResponse<String> anonymous = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/items/1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(get("/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void injectedFaultsApplyToTheNextRequestsOnlyThenServiceResumes() throws Exception {
        server.faults().rateLimitNext(1, 7, "jira-burst-based").failNext(1, 503);

        HttpResponse<String> limited = get("/items/1");
        HttpResponse<String> failed = get("/items/1");
        HttpResponse<String> served = get("/items/1");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(limited.headers().firstValue("RateLimit-Reason")).contains("jira-burst-based");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(server.requests().count("GET", "/items")).isEqualTo(3);
    }

    @Test
    void droppedConnectionGivesTheClientNoAnswer() {
        // The JDK client quietly retries an idempotent GET once on a closed connection; drop both tries.
        server.faults().dropNext(2);

        assertThatThrownBy(() -> get("/items/1")).isInstanceOf(IOException.class);
    }

    @Test
    void rateLimitRefusesRequestsBeyondTheBudgetOfTheSecond() throws Exception {
        server.faults().rateLimit(2);
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            if (get("/items/1").statusCode() == 429) {
                refused++;
            }
        }
        // Five quick requests may straddle a second boundary; at least one is still over budget.
        assertThat(refused).isBetween(1, 3);
    }
}
