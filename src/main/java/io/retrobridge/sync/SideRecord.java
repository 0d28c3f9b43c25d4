package io.retrobridge.sync;

import io.retrobridge.mapping.RecordFields;
import java.time.Instant;

/**
 * One record as a side holds it right now.
 *
 * @param id         the id the link stores (Jira issue id, ServiceNow sys_id)
 * @param displayKey what people call it (PAY-12, PTASK0010001)
 * @param fields     the external fields in the shape the mapping reads
 */
public record SideRecord(String id, String displayKey, Instant updatedAt, RecordFields fields) {
}
