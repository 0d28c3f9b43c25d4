package io.retrobridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks through the benchmark's balancer reach the instances in turn, as sent, and their answers come back. */
class WebhookBalancerTest {

    private final List<HttpServer> instances = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(server -> server.stop(0));
    }

    @Test
    void deliveriesGoToEachInstanceInTurnWithBodyAndSignature() throws Exception {
        URI first = instance("a", 202);
        URI second = instance("b", 400);
        try (WebhookBalancer balancer = new WebhookBalancer(List.of(first, second))) {
            List<Integer> statuses = new CopyOnWriteArrayList<>();
            for (int i = 1; i <= 4; i++) {
                statuses.add(post(balancer.uri("/webhooks/jira"), "{\"n\":" + i + "}", "sha256=" + i));
            }

            assertThat(received).containsExactly("a /webhooks/jira {\"n\":1} sha256=1",
                    "b /webhooks/jira {\"n\":2} sha256=2", "a /webhooks/jira {\"n\":3} sha256=3",
                    "b /webhooks/jira {\"n\":4} sha256=4");
            assertThat(statuses).containsExactly(202, 400, 202, 400);
            assertThat(balancer.forwardedTo(0)).isEqualTo(2);
            assertThat(balancer.forwardedTo(1)).isEqualTo(2);
        }
    }

    private URI instance(String name, int status) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(name + " " + exchange.getRequestURI().getPath() + " " + body + " "
                    + exchange.getRequestHeaders().getFirst("X-Hub-Signature"));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        instances.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static int post(URI uri, String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-Hub-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
