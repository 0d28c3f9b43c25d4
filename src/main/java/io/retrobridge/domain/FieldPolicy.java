package io.retrobridge.domain;

import java.util.Objects;

/**
 * How one canonical field is synced: its direction, what settles a conflict on it and, for
 * {@link ConflictPolicy#OWNER_WINS}, which system owns it.
 */
public record FieldPolicy(String field, FieldFlow flow, ConflictPolicy conflict, ExternalSystem owner) {

    public FieldPolicy {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(conflict, "conflict");
        if (field.isBlank()) {
            throw new IllegalArgumentException("a field policy needs a field name");
        }
        if (owner == null && flow != FieldFlow.BOTH) {
            owner = flow == FieldFlow.JIRA_TO_SERVICENOW ? ExternalSystem.JIRA : ExternalSystem.SERVICENOW;
        }
        if (conflict == ConflictPolicy.OWNER_WINS && owner == null) {
            throw new IllegalArgumentException("field '" + field + "' syncs both ways with owner-wins but names no owner");
        }
    }
}
