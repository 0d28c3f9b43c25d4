package io.retrobridge.sandbox.servicenow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A simulated table: its columns in dictionary order, how its records are numbered and displayed,
 * which roles may read or write it, and the business rules that apply to it.
 *
 * @param numberPrefix     e.g. {@code PTASK}; null for tables without a number
 * @param displayField     the field shown for a reference to a record of this table
 * @param readRoles        roles that may read; empty means every authenticated user
 * @param writeRoles       roles that may insert, update and delete
 * @param inactiveStates   state codes in which the record becomes inactive and gets closed_at/closed_by
 * @param derivesPriority  priority is computed from impact and urgency; writes to it are ignored
 * @param keepsAudit       has sys_updated_on/by and sys_mod_count (journal entries do not)
 */
record TableDefinition(String name, String numberPrefix, String displayField, Map<String, FieldDefinition> fields,
        Set<String> readRoles, Set<String> writeRoles, Set<String> inactiveStates, boolean derivesPriority,
        boolean keepsAudit) {

    TableDefinition {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        readRoles = Set.copyOf(readRoles);
        writeRoles = Set.copyOf(writeRoles);
        inactiveStates = Set.copyOf(inactiveStates);
    }

    Optional<FieldDefinition> field(String fieldName) {
        return Optional.ofNullable(fields.get(fieldName));
    }

    boolean hasField(String fieldName) {
        return fields.containsKey(fieldName);
    }

    boolean isNumbered() {
        return numberPrefix != null;
    }
}
