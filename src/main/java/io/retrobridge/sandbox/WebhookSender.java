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
import java.util.concurrent.atomic.AtomicInteger;
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
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger duplicateNext = new AtomicInteger();

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

    /**
     * Sends one event to a target later, on the sender thread (the body is fixed now), unless a fault
     * loses it (counted as dropped) or doubles it (the same body sent twice).
     */
    public void send(WebhookTarget target, String body, AttemptHeaders headers) {
        if (sender.isShutdown()) {
            return;
        }
        if (takeOne(dropNext)) {
            target.countDropped();
            return;
        }
        int copies = takeOne(duplicateNext) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            queue(target, body, headers);
        }
    }

    /** The next {@code times} events are lost, as when a sender gives up on a target. */
    public void dropNext(int times) {
        dropNext.addAndGet(times);
    }

    /** The next {@code times} events are sent twice, as at-least-once senders may. */
    public void duplicateNext(int times) {
        duplicateNext.addAndGet(times);
    }

    private static boolean takeOne(AtomicInteger faults) {
        return faults.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    private void queue(WebhookTarget target, String body, AttemptHeaders headers) {
        pending.incrementAndGet();
        sender.execute(() -> {
            try {
                deliver(target, body, headers);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Deliveries queued or being sent (with their retries); tests wait for 0 before they look. */
    public int pending() {
        return pending.get();
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
