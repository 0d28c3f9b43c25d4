package io.retrobridge.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One Table API record as read: its identity and version, and the raw values of the fields the caller
 * asked for (references as plain sys_id strings, dates as {@code yyyy-MM-dd HH:mm:ss} UTC strings).
 *
 * @param sysId     the record's sys_id
 * @param updatedOn {@code sys_updated_on}, second precision, UTC
 * @param modCount  {@code sys_mod_count}: goes up by one with every write that changed something
 * @param fields    the values of the requested fields, keyed as requested (dotted names included)
 */
public record ServiceNowRecord(String sysId, Instant updatedOn, int modCount, ObjectNode fields) {

    public ServiceNowRecord {
        Objects.requireNonNull(sysId, "sysId");
        Objects.requireNonNull(updatedOn, "updatedOn");
        Objects.requireNonNull(fields, "fields");
    }

    /** The raw value of one field as text; "" when the field is empty or was not returned. */
    public String text(String field) {
        return fields.hasNonNull(field) ? fields.get(field).asText() : "";
    }
}
