package io.retrobridge.sandbox;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a simulator's signed webhooks on one background thread, so they arrive in the order they were
 * queued. A failed send is retried a few times with growing pauses, then dropped and counted on its
 * {@link WebhookTarget}.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    /** Headers a simulator adds to each attempt, e.g. a delivery id or a retry number. */
    @FunctionalInterface
    public interface AttemptHeaders {
        AttemptHeaders NONE = (request, attempt) -> { };

        void add(HttpRequest.Builder request, int attempt);
    }

    private final String signatureHeader;
    private final String what;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService sender;
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @param threadName      name of the sending thread, to recognise it in thread dumps
     * @param signatureHeader header that carries {@link #signature}
     * @param what            how the log names one delivery, e.g. "a notification"
     */
    public WebhookSender(String threadName, String signatureHeader, String what) {
        this.signatureHeader = signatureHeader;
        this.what = what;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code sha256=} and the lowercase hex HMAC-SHA256 of the body bytes under the shared secret. */
    public static String signature(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean isClosed() {
        return sender.isShutdown();
    }

    /** Queues one delivery; the body is fixed now, sending happens later on the sender thread. */
    public void queue(WebhookTarget target, String body, AttemptHeaders headers) {
        if (!sender.isShutdown()) {
            pending.incrementAndGet();
            sender.execute(() -> {
                try {
                    deliver(target, body, headers);
                } finally {
                    pending.decrementAndGet();
                }
            });
        }
    }

    /** Deliveries queued or being sent (with their retries); tests wait for 0 before they look. */
    public int pending() {
        return pending.get();
    }

    /** A fault loses one delivery: it is never sent, and counts as dropped. */
    public void lose(WebhookTarget target) {
        target.countDropped();
    }

    private void deliver(WebhookTarget target, String body, AttemptHeaders headers) {
        String signature = signature(body, target.secret());
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target.target())
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .header(signatureHeader, signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            headers.add(request, attempt);
            String failure;
            try {
                int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    target.countDelivered();
                    return;
                }
                failure = "HTTP " + status;
            } catch (IOException e) {
                failure = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt == ATTEMPTS) {
                log.warn("Dropped {} to {} after {} attempts; last failure: {}", what, target.target(), ATTEMPTS,
                        failure);
                target.countDropped();
                return;
            }
            if (!pause(pause)) {
                return;
            }
            pause = pause.multipliedBy(2);
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
