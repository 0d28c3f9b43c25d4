package io.retrobridge.sandbox;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a sandbox sends its webhooks, the secret it signs them with, and how deliveries went. The
 * simulators subclass it with what their subscriptions add (ServiceNow: the watched tables).
 */
public abstract class WebhookTarget {

    private final URI target;
    private final String secret;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean active = true;

    protected WebhookTarget(URI target, String secret) {
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

    /** Stops sending to this target; deliveries already queued are still sent. */
    public void cancel() {
        active = false;
    }

    public boolean isActive() {
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
}
