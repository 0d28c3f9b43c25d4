package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the business rule with an outbound REST message that we ship for real instances: after each
 * committed change on a watched table it POSTs a signed JSON notification. One background thread sends
 * them in commit order; a failed send is retried a few times with growing pauses, then dropped and
 * counted on its {@link WebhookSubscription}.
 */
final class WebhookDispatcher implements RecordChangeListener, AutoCloseable {

    static final String SIGNATURE_HEADER = "X-RetroBridge-Signature";

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int ATTEMPTS = 4;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    private final List<WebhookSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropNext = new AtomicInteger();
    private final AtomicInteger duplicateNext = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "servicenow-sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });

    WebhookSubscription register(URI target, String secret, Set<String> tables) {
        WebhookSubscription subscription = new WebhookSubscription(target, secret, tables);
        subscriptions.add(subscription);
        return subscription;
    }

    /** The next {@code times} notifications are lost, as when an outbound REST message fails for good. */
    void dropNext(int times) {
        dropNext.addAndGet(times);
    }

    /** The next {@code times} notifications are sent twice, as an outbound message retried after a timeout is. */
    void duplicateNext(int times) {
        duplicateNext.addAndGet(times);
    }

    /** Notifications queued and not yet accepted by their target or given up on. */
    int pending() {
        return pending.get();
    }

    /** Called under the store's lock, so queueing here keeps commit order; the sending happens later. */
    @Override
    public void changed(String table, String operation, Map<String, String> record) {
        for (WebhookSubscription subscription : subscriptions) {
            if (!subscription.watches(table) || sender.isShutdown()) {
                continue;
            }
            if (dropNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                subscription.countDropped();
                continue;
            }
            String body = body(table, operation, record);
            int copies = duplicateNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                pending.incrementAndGet();
                sender.execute(() -> {
                    try {
                        deliver(subscription, body);
                    } finally {
                        pending.decrementAndGet();
                    }
                });
            }
        }
    }

    static String body(String table, String operation, Map<String, String> record) {
        ObjectNode body = SandboxJson.object();
        body.put("table", table);
        body.put("sys_id", record.get("sys_id"));
        body.put("operation", operation);
        body.put("sys_updated_on", record.getOrDefault("sys_updated_on", record.getOrDefault("sys_created_on", "")));
        body.put("sys_mod_count", record.getOrDefault("sys_mod_count", "0"));
        ObjectNode values = body.putObject("record");
        record.forEach(values::put);
        return SandboxJson.write(body);
    }

    /** {@code sha256=} and the lowercase hex HMAC-SHA256 of the body bytes under the shared secret. */
    static String signature(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private void deliver(WebhookSubscription subscription, String body) {
        HttpRequest request = HttpRequest.newBuilder(subscription.target())
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, signature(body, subscription.secret()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String failure;
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300) {
                    subscription.countDelivered();
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
                log.warn("Dropped a notification to {} after {} attempts; last failure: {}", subscription.target(),
                        ATTEMPTS, failure);
                subscription.countDropped();
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
