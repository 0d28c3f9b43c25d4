package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One system that sends us webhooks: how its deliveries are signed and how to read them. An adapter registers
 * one as a bean and is then served at {@code POST /webhooks/<name>}; the web intake reads the body within its
 * limits, checks the signature over the raw bytes and stores the change, so a reader only reads.
 */
public interface WebhookSource {

    ExternalSystem system();

    /** Lower-case name for the path, metrics and messages, e.g. {@code jira}. */
    default String name() {
        return system().name().toLowerCase(Locale.ROOT);
    }

    /** The HTTP header carrying {@code sha256=<hex>}. */
    String signatureHeader();

    /** The setting an operator sets to enable the endpoint, e.g. {@code retrobridge.jira.webhook-secret}. */
    String secretSetting();

    /** The shared secret, if configured. Never logged or echoed. */
    Optional<String> secret();

    /**
     * Reads a verified body; throws with a message naming the offending field.
     *
     * @param headers the delivery's headers, names matched without regard to case (some senders name the event
     *                in a header)
     */
    WebhookNotice read(byte[] body, Map<String, String> headers) throws InvalidWebhookException;
}
