package io.retrobridge.flow.items;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.RecordFields;
import java.util.List;
import java.util.Set;

/**
 * One write a plan makes to one side.
 *
 * @param recordId   the record written to; null when the write creates it
 * @param displayKey what people call that record (PAY-12, PTASK0010001); null when it is created
 * @param fields     the canonical fields the write carries
 * @param payload    the body sent: for a create the whole record with our correlation marker, for an update
 *                   only the external fields of {@code fields}
 * @param ruleIds    the classification rule(s) that shaped the payload
 * @param notes      defaults that stood in for unmapped values, and the like
 */
public record PlannedWrite(ExternalSystem side, String recordId, String displayKey, Set<String> fields,
        RecordFields payload, List<String> ruleIds, List<String> notes) {

    public PlannedWrite {
        fields = Set.copyOf(fields);
        ruleIds = List.copyOf(ruleIds);
        notes = List.copyOf(notes);
    }

    public boolean creates() {
        return recordId == null;
    }
}
