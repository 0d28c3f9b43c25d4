package io.retrobridge.sync;

/** A delivery that is signed correctly but cannot be understood; the message names the field and the fix. */
public final class InvalidWebhookException extends Exception {

    private final String kind;

    public InvalidWebhookException(String message, String kind) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public InvalidWebhookException(String message) {
        this(message, null);
    }

    /** The event kind when it was already known, for the metrics; null otherwise. */
    public String kind() {
        return kind;
    }

    /** Quotes a value from a delivery for a message, cut short so a huge value cannot flood it. */
    public static String quote(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "'";
    }
}
