package io.retrobridge.sandbox.jira;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/** One webhook registered with {@link JiraSandbox#subscribe}: where it goes and how deliveries went. */
public final class JiraWebhookSubscription {

    private final URI target;
    private final String secret;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean active = true;

    JiraWebhookSubscription(URI target, String secret) {
        this.target = target;
        this.secret = secret;
    }

    public URI target() {
        return target;
    }

    /** Deliveries the target accepted with a 2xx (a duplicate counts twice). */
    public long delivered() {
        return delivered.get();
    }

    /** Deliveries given up on, after retries or because a fault dropped them. */
    public long dropped() {
        return dropped.get();
    }

    public void cancel() {
        active = false;
    }

    boolean isActive() {
        return active;
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
        return "JiraWebhookSubscription[target=" + target + ", delivered=" + delivered + ", dropped=" + dropped + "]";
    }
}
