package io.retrobridge.sync;

/** What a verified, well-formed delivery says: a change to store, or something we do not sync. */
public sealed interface WebhookNotice {

    /** A change to store in the inbox; {@code dedupKey} is equal for every delivery of the same change. */
    record Change(String kind, String entityId, String dedupKey) implements WebhookNotice {
    }

    /** A valid delivery about something RetroBridge does not sync; acknowledged and otherwise dropped. */
    record Ignored(String kind, String reason) implements WebhookNotice {
    }
}
