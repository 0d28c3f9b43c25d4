package io.retrobridge.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One change notice from an external system, from a webhook or a poll, as it arrived.
 *
 * @param kind     what the source says happened, e.g. {@code jira:issue_updated}
 * @param entityId the id of the record it is about on the source system
 * @param dedupKey equal for every delivery of the same change (webhook retry, overlapping poll)
 * @param payload  the body as received, kept for replay
 */
public record InboundEvent(UUID id, ExternalSystem source, String kind, String entityId, String dedupKey,
                           Instant receivedAt, String payload) {

    /** Longest dedup key we keep; build longer ones from a hash. */
    public static final int MAX_DEDUP_KEY_LENGTH = 512;

    public InboundEvent {
        RecordArguments.required(id, "id");
        RecordArguments.required(source, "source");
        RecordArguments.notBlank(kind, "kind");
        if (kind.length() > 100) {
            throw new IllegalArgumentException("kind has " + kind.length() + " characters; at most 100 are allowed");
        }
        RecordArguments.identifier(entityId, "entityId");
        RecordArguments.notBlank(dedupKey, "dedupKey");
        if (dedupKey.length() > MAX_DEDUP_KEY_LENGTH) {
            throw new IllegalArgumentException("dedupKey has " + dedupKey.length() + " characters; at most "
                    + MAX_DEDUP_KEY_LENGTH + " are allowed (hash the parts that identify the change)");
        }
        RecordArguments.required(receivedAt, "receivedAt");
        RecordArguments.required(payload, "payload");
    }

    /** A newly arrived event with a fresh id. */
    public static InboundEvent received(ExternalSystem source, String kind, String entityId, String dedupKey,
                                        Instant receivedAt, String payload) {
        return new InboundEvent(UUID.randomUUID(), source, kind, entityId, dedupKey, receivedAt, payload);
    }

    /** The record this event is about; events for one entity are applied one at a time, in order. */
    public ExternalRef entity() {
        return new ExternalRef(source, entityId);
    }
}
