package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.WebhookSender;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the business rule with an outbound REST message that we ship for real instances: after each
 * committed change on a watched table it POSTs a signed JSON notification. One background thread sends
 * them in commit order through a {@link WebhookSender}, which retries and counts on the
 * {@link WebhookSubscription}.
 */
final class WebhookDispatcher implements RecordChangeListener, AutoCloseable {

    static final String SIGNATURE_HEADER = "X-RetroBridge-Signature";

    private final List<WebhookSubscription> subscriptions = new CopyOnWriteArrayList<>();
    private final WebhookSender sender =
            new WebhookSender("servicenow-sandbox-webhooks", SIGNATURE_HEADER, "a notification");

    WebhookSubscription register(URI target, String secret, Set<String> tables) {
        WebhookSubscription subscription = new WebhookSubscription(target, secret, tables);
        subscriptions.add(subscription);
        return subscription;
    }

    /** The next {@code times} notifications are lost, as when an outbound REST message fails for good. */
    void dropNext(int times) {
        sender.dropNext(times);
    }

    /** The next {@code times} notifications are sent twice, as an outbound message retried after a timeout is. */
    void duplicateNext(int times) {
        sender.duplicateNext(times);
    }

    /** Notifications queued and not yet accepted by their target or given up on. */
    int pending() {
        return sender.pending();
    }

    /** Called under the store's lock, so queueing here keeps commit order; the sending happens later. */
    @Override
    public void changed(String table, String operation, Map<String, String> record) {
        for (WebhookSubscription subscription : subscriptions) {
            if (!subscription.watches(table)) {
                continue;
            }
            sender.send(subscription, body(table, operation, record), WebhookSender.AttemptHeaders.NONE);
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

    @Override
    public void close() {
        sender.close();
    }
}
