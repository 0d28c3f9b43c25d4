package io.retrobridge.sync;

/** What a verified, well-formed delivery says: a change to store, or something we do not sync. */
public sealed interface WebhookNotice {

    /**
     * A change to store in the inbox; {@code dedupKey} is equal for every delivery of the same change.
     *
     * @param payload what the inbox keeps for the handler: null keeps the body as delivered; a reader that needs
     *                more than the body (a header, the gate named in the URL) or must not keep all of it (a
     *                caller's token) gives the document its handler reads instead
     */
    record Change(String kind, String entityId, String dedupKey, String payload) implements WebhookNotice {

        /** A change whose body is kept as delivered. */
        public Change(String kind, String entityId, String dedupKey) {
            this(kind, entityId, dedupKey, null);
        }
    }

    /** A valid delivery about something RetroBridge does not sync; acknowledged and otherwise dropped. */
    record Ignored(String kind, String reason) implements WebhookNotice {
    }
}
