package io.retrobridge.sandbox.servicenow;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One outbound notification target registered with {@link ServiceNowSandbox#registerWebhook}: where it
 * goes, which tables it watches, and how many notifications were delivered or given up on.
 */
public final class WebhookSubscription {

    private final URI target;
    private final String secret;
    private final Set<String> tables;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean active = true;

    WebhookSubscription(URI target, String secret, Set<String> tables) {
        this.target = target;
        this.secret = secret;
        this.tables = Set.copyOf(tables);
    }

    public URI target() {
        return target;
    }

    public Set<String> tables() {
        return tables;
    }

    /** Notifications the target accepted with a 2xx. */
    public long delivered() {
        return delivered.get();
    }

    /** Notifications given up on after the last retry failed. */
    public long dropped() {
        return dropped.get();
    }

    /** Stops notifying this target; notifications already queued are still sent. */
    public void cancel() {
        active = false;
    }

    boolean watches(String table) {
        return active && tables.contains(table);
    }

    String secret() {
        return secret;
    }

    void countDelivered() {
        delivered.incrementAndGet();
    }

    void countDropped() {
        dropped.incrementAndGet();
    }

    @Override
    public String toString() {
        return "WebhookSubscription[target=" + target + ", tables=" + tables + ", delivered=" + delivered
                + ", dropped=" + dropped + "]";
    }
}
