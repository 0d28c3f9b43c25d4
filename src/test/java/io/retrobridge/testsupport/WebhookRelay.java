package io.retrobridge.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sits between the simulators' webhooks and the connector, as a delivery network would. It passes each
 * delivery on as it comes (answering the simulator with the connector's status), or, while holding, keeps
 * deliveries so a test can hand them on later in another order: the newer update before the older one.
 */
public final class WebhookRelay implements AutoCloseable {

    /** Headers the relay's own HTTP client sets; everything else (signatures, delivery ids) is passed on. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding",
            "upgrade", "expect", "http2-settings", "keep-alive");

    /** One delivery kept while holding. */
    public record Delivery(String path, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile URI connector;
    private final List<Delivery> held = new ArrayList<>();
    private boolean holding;

    private WebhookRelay() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", this::receive);
        server.start();
    }

    public static WebhookRelay start() {
        try {
            return new WebhookRelay();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook relay", e);
        }
    }

    /** Where simulators send their webhooks: the same paths as on the connector. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where deliveries go on to, e.g. {@code http://127.0.0.1:<connector port>}. */
    public void forwardTo(URI connector) {
        this.connector = connector;
    }

    /** From now on deliveries are kept (and acknowledged with 202) instead of passed on. */
    public synchronized void hold() {
        holding = true;
    }

    /** Stops holding and hands back what was kept, oldest first, for the test to pass on in its own order. */
    public synchronized List<Delivery> release() {
        holding = false;
        List<Delivery> kept = List.copyOf(held);
        held.clear();
        return kept;
    }

    /** Passes one delivery on to the connector; returns the connector's status. */
    public int forward(Delivery delivery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(connector.resolve(delivery.path()))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
        delivery.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 502;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 503;
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Delivery delivery = new Delivery(exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body);
            int status;
            synchronized (this) {
                if (holding) {
                    held.add(delivery);
                    status = 202;
                } else {
                    status = -1;
                }
            }
            if (status < 0) {
                status = connector == null ? 503 : forward(delivery);
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
