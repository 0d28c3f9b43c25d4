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

    /** The HTTP header carrying the proof: {@code sha256=<hex>}, the token, or {@code Authorization}. */
    String signatureHeader();

    /** How a delivery proves it comes from the sender that holds the secret. */
    enum Proof {
        /** The header carries {@code sha256=<hex>}, an HMAC-SHA256 of the raw body keyed by the secret (GitHub, Jira). */
        HMAC_SHA256,
        /** The header carries the secret itself, as GitLab sends its {@code X-Gitlab-Token}. */
        TOKEN,
        /**
         * HTTP Basic authentication whose password is the secret, under any user name (Azure DevOps service hooks;
         * senders that can only be given a URL put the credentials in its user-info).
         */
        BASIC_AUTH,
        /**
         * {@code Authorization: Bearer <secret>}, or HTTP Basic authentication whose password is the secret under any
         * user name: the two ways Alertmanager's {@code http_config} authenticates a webhook.
         */
        BEARER_OR_BASIC,
        /**
         * The header carries the bare lower-case hex HMAC-SHA256 of the raw body keyed by the secret, without a
         * {@code sha256=} prefix: GitLab's {@code X-Gitlab-Signature} on an external status check request.
         */
        HMAC_SHA256_HEX
    }

    /** How this source's deliveries are proven; most sign the body. */
    default Proof proof() {
        return Proof.HMAC_SHA256;
    }

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
