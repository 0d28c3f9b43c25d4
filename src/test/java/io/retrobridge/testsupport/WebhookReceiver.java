package io.retrobridge.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook endpoint on a free local port that keeps what a simulator sends it, and can be told to refuse
 * the next few attempts so retries can be watched.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One accepted delivery: its signature header, body, and every header for the rest. */
    public record Delivery(String signature, String body, Headers headers) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final HttpServer server;
    private final String path;

    private WebhookReceiver(String path, String signatureHeader, int failureStatus) throws IOException {
        this.path = path;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext(path, exchange -> {
            attempts.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = failuresToAnswer.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
            if (!fail) {
                Headers headers = exchange.getRequestHeaders();
                deliveries.add(new Delivery(headers.getFirst(signatureHeader), body, headers));
            }
            exchange.sendResponseHeaders(fail ? failureStatus : 202, -1);
            exchange.close();
        });
        server.start();
    }

    /**
     * @param signatureHeader the header whose value {@link Delivery#signature()} holds
     * @param failureStatus   what a refused attempt is answered with
     */
    public static WebhookReceiver start(String path, String signatureHeader, int failureStatus) throws IOException {
        return new WebhookReceiver(path, signatureHeader, failureStatus);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The next {@code times} attempts are refused (replaces any earlier count). */
    public void refuseNext(int times) {
        failuresToAnswer.set(times);
    }

    /** Every request that arrived, refused ones included. */
    public int attempts() {
        return attempts.get();
    }

    /** The next accepted delivery, or null when none arrives within {@code timeout}. */
    public Delivery poll(Duration timeout) throws InterruptedException {
        return deliveries.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lowercase hex HMAC-SHA256 of the body under the secret, computed here independently of the simulators. */
    public static String hmacHex(String body, String secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
