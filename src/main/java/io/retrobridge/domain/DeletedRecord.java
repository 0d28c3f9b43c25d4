package io.retrobridge.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A record proven deleted, and how: remembered so its counterpart's later syncs know why it answers 404, and so the
 * deletion is acted on once.
 *
 * @param record     the deleted record
 * @param linkId     the link it belonged to
 * @param displayKey what people called it (PAY-12, PTASK0010001)
 * @param evidence   what proved it, e.g. {@code jira:issue_deleted}
 * @param deletedAt  when the connector handled the deletion
 */
public record DeletedRecord(ExternalRef record, UUID linkId, String displayKey, String evidence, Instant deletedAt) {

    public DeletedRecord {
        RecordArguments.required(record, "record");
        RecordArguments.required(linkId, "linkId");
        RecordArguments.notBlank(displayKey, "displayKey");
        RecordArguments.notBlank(evidence, "evidence");
        RecordArguments.required(deletedAt, "deletedAt");
        if (displayKey.length() > 255 || evidence.length() > 255) {
            throw new IllegalArgumentException("displayKey and evidence have at most 255 characters each");
        }
    }
}
