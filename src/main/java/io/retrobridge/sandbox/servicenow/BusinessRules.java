package io.retrobridge.sandbox.servicenow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a real instance does to a record on its way into the database: defaults, audit columns,
 * number, read-only columns left alone, references given by display value turned into sys_ids,
 * priority from impact and urgency, active/closed_at/closed_by following the state, and work notes
 * and comments moved into the journal.
 */
final class BusinessRules {

    /** The record as it will be stored, the journal entries to append (element to text), and whether anything changed. */
    record Outcome(Map<String, String> record, Map<String, String> journal, boolean changed) {
    }

    /** Columns no caller writes: the instance maintains them. */
    private static final Set<String> SYSTEM_MAINTAINED = Set.of("sys_id", "number", "sys_created_on", "sys_created_by",
            "sys_updated_on", "sys_updated_by", "sys_mod_count", "sys_class_name", "sys_domain_path",
            "comments_and_work_notes");

    private final RecordStore store;

    BusinessRules(RecordStore store) {
        this.store = store;
    }

    Outcome insert(TableDefinition table, Map<String, String> input, Actor actor, String sysId, String number) {
        String now = GlideDateTime.format(store.clock().instant());
        Map<String, String> record = new LinkedHashMap<>();
        table.fields().values().forEach(f -> record.put(f.name(), f.defaultValue()));
        Map<String, String> journal = apply(table, record, input);
        record.put("sys_id", sysId);
        if (number != null) {
            record.put("number", number);
        }
        record.put("sys_created_on", now);
        record.put("sys_created_by", actor.userName());
        if (table.keepsAudit()) {
            record.put("sys_updated_on", now);
            record.put("sys_updated_by", actor.userName());
            record.put("sys_mod_count", "0");
        }
        fillIfEmpty(table, record, "opened_at", now);
        fillIfEmpty(table, record, "opened_by", actor.sysUserId());
        if (table.hasField("user_name") && record.get("name").isEmpty()) {
            record.put("name", (record.get("first_name") + " " + record.get("last_name")).trim());
        }
        derivePriority(table, record);
        followState(table, null, record, actor, now);
        return new Outcome(record, journal, true);
    }

    Outcome update(TableDefinition table, Map<String, String> current, Map<String, String> input, Actor actor) {
        String now = GlideDateTime.format(store.clock().instant());
        Map<String, String> record = new LinkedHashMap<>(current);
        Map<String, String> journal = apply(table, record, input);
        derivePriority(table, record);
        followState(table, current.get("state"), record, actor, now);
        boolean changed = !record.equals(current) || !journal.isEmpty();
        if (changed && table.keepsAudit()) {
            record.put("sys_updated_on", now);
            record.put("sys_updated_by", actor.userName());
            record.put("sys_mod_count", String.valueOf(Long.parseLong(current.get("sys_mod_count")) + 1));
        }
        return new Outcome(record, journal, changed);
    }

    /** Copies the writable input into the record; returns the journal text given for journal fields. */
    private Map<String, String> apply(TableDefinition table, Map<String, String> record, Map<String, String> input) {
        Map<String, String> journal = new LinkedHashMap<>();
        input.forEach((name, value) -> {
            FieldDefinition field = table.fields().get(name);
            if (field == null || SYSTEM_MAINTAINED.contains(name)
                    || (table.derivesPriority() && name.equals("priority"))) {
                return; // unknown and read-only columns are ignored, as the Table API does
            }
            String text = value == null ? "" : value;
            switch (field.type()) {
                case JOURNAL -> {
                    if (!text.isBlank()) {
                        journal.put(name, text);
                    }
                }
                case REFERENCE -> record.put(name, store.resolveReference(field.referenceTable(), text));
                default -> record.put(name, text);
            }
        });
        return journal;
    }

    private static void derivePriority(TableDefinition table, Map<String, String> record) {
        if (!table.derivesPriority()) {
            return;
        }
        String priority = PriorityMatrix.priority(record.get("impact"), record.get("urgency"));
        if (priority != null) {
            record.put("priority", priority);
        }
    }

    /** Entering a closed state deactivates the record and stamps who closed it when; leaving one reopens it. */
    private static void followState(TableDefinition table, String previousState, Map<String, String> record,
            Actor actor, String now) {
        if (table.inactiveStates().isEmpty()) {
            return;
        }
        boolean wasClosed = previousState != null && table.inactiveStates().contains(previousState);
        boolean isClosed = table.inactiveStates().contains(record.get("state"));
        if (isClosed && !wasClosed) {
            record.put("active", "false");
            record.put("closed_at", now);
            record.put("closed_by", actor.sysUserId());
        } else if (!isClosed && wasClosed) {
            record.put("active", "true");
            record.put("closed_at", "");
            record.put("closed_by", "");
        }
    }

    private static void fillIfEmpty(TableDefinition table, Map<String, String> record, String field, String value) {
        if (table.hasField(field) && record.get(field).isEmpty()) {
            record.put(field, value);
        }
    }
}
