package io.retrobridge.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A round-robin load balancer in front of several connector instances, for the webhooks only: each delivery goes
 * to the next instance in turn, with its body and signature headers as sent, and the instance's answer goes back
 * to the sender (so a refused delivery is retried by the sender as it would be behind a real balancer).
 */
final class WebhookBalancer implements AutoCloseable {

    private final List<URI> instances;
    private final HttpServer server;
    private final ExecutorService threads;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong turns = new AtomicLong();
    private final AtomicLongArray forwarded;

    WebhookBalancer(List<URI> instances) {
        this.instances = List.copyOf(instances);
        this.forwarded = new AtomicLongArray(instances.size());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-webhook-balancer");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The balancer's address for a path, e.g. {@code /webhooks/jira}. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Deliveries an instance answered, by its place in the list given at the start. */
    long forwardedTo(int instance) {
        return forwarded.get(instance);
    }

    private void forward(HttpExchange exchange) throws IOException {
        int instance = (int) (turns.getAndIncrement() % instances.size());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(instances.get(instance).resolve(exchange.getRequestURI()))
                .timeout(Duration.ofSeconds(10))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            // The signature and delivery headers, and the body's type; the client sets the connection headers itself.
            if (name.startsWith("x-") || name.equals("content-type")) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        int status;
        byte[] answer;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            answer = response.body();
            forwarded.incrementAndGet(instance);
        } catch (IOException e) {
            status = 502;
            answer = new byte[0];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
            answer = new byte[0];
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
