package io.retrobridge.sandbox.jira;

import io.retrobridge.sandbox.WebhookTarget;
import java.net.URI;

/** One webhook registered with {@link JiraSandbox#subscribe}: where it goes and how deliveries went. */
public final class JiraWebhookSubscription extends WebhookTarget {

    JiraWebhookSubscription(URI target, String secret) {
        super(target, secret);
    }

    @Override
    public String toString() {
        return "JiraWebhookSubscription[target=" + target() + ", delivered=" + delivered() + ", dropped=" + dropped()
                + "]";
    }
}
