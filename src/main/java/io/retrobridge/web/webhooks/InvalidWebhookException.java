package io.retrobridge.web.webhooks;

/** A delivery that is signed correctly but cannot be understood; the message names the field and the fix. */
final class InvalidWebhookException extends Exception {

    private final String kind;

    InvalidWebhookException(String message, String kind) {
        super(message, null, false, false);
        this.kind = kind;
    }

    InvalidWebhookException(String message) {
        this(message, null);
    }

    /** The event kind when it was already known, for the metrics; null otherwise. */
    String kind() {
        return kind;
    }
}
