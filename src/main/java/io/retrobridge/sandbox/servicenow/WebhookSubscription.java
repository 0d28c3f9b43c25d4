package io.retrobridge.sandbox.servicenow;

import io.retrobridge.sandbox.WebhookTarget;
import java.net.URI;
import java.util.Set;

/**
 * One outbound notification target registered with {@link ServiceNowSandbox#registerWebhook}: where it
 * goes, which tables it watches, and how many notifications were delivered or given up on.
 */
public final class WebhookSubscription extends WebhookTarget {

    private final Set<String> tables;

    WebhookSubscription(URI target, String secret, Set<String> tables) {
        super(target, secret);
        this.tables = Set.copyOf(tables);
    }

    public Set<String> tables() {
        return tables;
    }

    boolean watches(String table) {
        return isActive() && tables.contains(table);
    }

    @Override
    public String toString() {
        return "WebhookSubscription[target=" + target() + ", tables=" + tables + ", delivered=" + delivered()
                + ", dropped=" + dropped() + "]";
    }
}
