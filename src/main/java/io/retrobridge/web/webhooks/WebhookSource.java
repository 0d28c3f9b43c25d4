package io.retrobridge.web.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ExternalSystem;
import java.util.Locale;
import java.util.Optional;

/** One system that sends us webhooks: how its deliveries are signed and how to read them. */
interface WebhookSource {

    ExternalSystem system();

    /** Lower-case name for metrics and messages, e.g. {@code jira}. */
    default String name() {
        return system().name().toLowerCase(Locale.ROOT);
    }

    /** The HTTP header carrying {@code sha256=<hex>}. */
    String signatureHeader();

    /** The setting an operator sets to enable the endpoint, e.g. {@code retrobridge.jira.webhook-secret}. */
    String secretSetting();

    /** The shared secret, if configured. Never logged or echoed. */
    Optional<String> secret();

    /** Reads a verified body; throws with a message naming the offending field. */
    WebhookNotice read(JsonNode body) throws InvalidWebhookException;
}
