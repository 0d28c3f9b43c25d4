package io.retrobridge.sandbox.servicenow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The simulated instance's data: every table's records in insertion order, numbering per table, and
 * the journal. Writes go through {@link BusinessRules} and are announced to the listener in commit
 * order. One lock guards everything: simple, and fast enough for benchmarks of a few thousand records.
 */
final class RecordStore {

    private static final int FIRST_NUMBER = 10001;

    private final ServiceNowDictionary dictionary;
    private final Clock clock;
    private final BusinessRules rules;
    private final Map<String, LinkedHashMap<String, Map<String, String>>> tables = new HashMap<>();
    private final Map<String, Integer> nextNumber = new HashMap<>();
    private volatile RecordChangeListener listener = (table, operation, record) -> { };

    RecordStore(ServiceNowDictionary dictionary, Clock clock) {
        this.dictionary = dictionary;
        this.clock = clock;
        this.rules = new BusinessRules(this);
    }

    void onChange(RecordChangeListener listener) {
        this.listener = listener;
    }

    ServiceNowDictionary dictionary() {
        return dictionary;
    }

    Clock clock() {
        return clock;
    }

    /** Inserts a record built from {@code input} (unknown and read-only fields are ignored) and returns it. */
    synchronized Map<String, String> insert(TableDefinition table, Map<String, String> input, Actor actor) {
        String sysId = newSysId();
        String number = table.isNumbered() ? nextNumber(table) : null;
        BusinessRules.Outcome outcome = rules.insert(table, input, actor, sysId, number);
        rows(table.name()).put(sysId, outcome.record());
        listener.changed(table.name(), "insert", Map.copyOf(outcome.record()));
        appendJournal(table, sysId, outcome.journal(), actor);
        return new LinkedHashMap<>(outcome.record());
    }

    /**
     * Applies {@code input} to the record. An update that changes nothing and adds no journal entry is
     * not written (no new sys_mod_count, no notification), as on a real instance.
     */
    synchronized Optional<Map<String, String>> update(TableDefinition table, String sysId, Map<String, String> input,
            Actor actor) {
        Map<String, String> current = rows(table.name()).get(sysId);
        if (current == null) {
            return Optional.empty();
        }
        BusinessRules.Outcome outcome = rules.update(table, current, input, actor);
        if (outcome.changed()) {
            rows(table.name()).put(sysId, outcome.record());
            listener.changed(table.name(), "update", Map.copyOf(outcome.record()));
            appendJournal(table, sysId, outcome.journal(), actor);
        }
        return Optional.of(new LinkedHashMap<>(outcome.record()));
    }

    synchronized Optional<Map<String, String>> delete(TableDefinition table, String sysId) {
        Map<String, String> removed = rows(table.name()).remove(sysId);
        if (removed != null) {
            listener.changed(table.name(), "delete", Map.copyOf(removed));
        }
        return Optional.ofNullable(removed).map(LinkedHashMap::new);
    }

    synchronized Optional<Map<String, String>> get(String table, String sysId) {
        return Optional.ofNullable(rows(table).get(sysId)).map(LinkedHashMap::new);
    }

    /** All records of a table in insertion order. */
    synchronized List<Map<String, String>> all(String table) {
        List<Map<String, String>> copy = new ArrayList<>();
        rows(table).values().forEach(r -> copy.add(new LinkedHashMap<>(r)));
        return copy;
    }

    /** The records matching {@code query}, in its order (insertion order where it gives none). */
    synchronized List<Map<String, String>> query(TableDefinition table, EncodedQuery query) {
        List<Map<String, String>> matches = new ArrayList<>();
        for (Map<String, String> row : rows(table.name()).values()) {
            if (query.matches(path -> read(table, row, path))) {
                matches.add(new LinkedHashMap<>(row));
            }
        }
        Comparator<Map<String, String>> order = query.comparator(table, this);
        if (order != null) {
            matches.sort(order); // stable: ties keep insertion order
        }
        return matches;
    }

    /** Journal entries of one record and element, newest first, as the journal's display shows them. */
    synchronized List<Map<String, String>> journal(String elementId, String element) {
        List<Map<String, String>> entries = new ArrayList<>();
        for (Map<String, String> entry : rows(ServiceNowDictionary.SYS_JOURNAL_FIELD).values()) {
            if (entry.get("element_id").equals(elementId) && (element == null || entry.get("element").equals(element))) {
                entries.add(0, new LinkedHashMap<>(entry));
            }
        }
        return entries;
    }

    /**
     * The sys_id a reference value stands for: the value itself when it is the sys_id of a record in the
     * target table, else the sys_id of the record whose display value (or user_name) it is. Values that
     * match nothing are kept as given, as a real instance keeps an invalid reference.
     */
    synchronized String resolveReference(String targetTable, String value) {
        if (value == null || value.isEmpty() || dictionary.table(targetTable).isEmpty()) {
            return value == null ? "" : value;
        }
        Map<String, Map<String, String>> rows = rows(targetTable);
        if (rows.containsKey(value)) {
            return value;
        }
        String displayField = dictionary.table(targetTable).get().displayField();
        for (Map<String, String> row : rows.values()) {
            if (value.equals(row.get(displayField)) || value.equals(row.get("user_name"))) {
                return row.get("sys_id");
            }
        }
        return value;
    }

    /** The raw value at {@code path} (a field, or reference.field dot-walked), "" when there is none. */
    synchronized String read(TableDefinition table, Map<String, String> row, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return row.getOrDefault(path, "");
        }
        Optional<FieldDefinition> reference = table.field(path.substring(0, dot)).filter(FieldDefinition::isReference);
        Optional<TableDefinition> target = reference.flatMap(dictionary::referencedTable);
        if (target.isEmpty()) {
            return "";
        }
        Map<String, String> referenced = rows(target.get().name()).get(row.getOrDefault(reference.get().name(), ""));
        return referenced == null ? "" : read(target.get(), referenced, path.substring(dot + 1));
    }

    /** The dictionary entry at {@code path}, following references; empty for a field the table does not have. */
    Optional<FieldDefinition> definition(TableDefinition table, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return table.field(path);
        }
        return table.field(path.substring(0, dot))
                .flatMap(dictionary::referencedTable)
                .flatMap(target -> definition(target, path.substring(dot + 1)));
    }

    /** The display value of a record: its display field (number, name), or the sys_id when the table is not held. */
    synchronized String displayValueOf(String table, String sysId) {
        if (sysId == null || sysId.isEmpty()) {
            return "";
        }
        Optional<TableDefinition> definition = dictionary.table(table);
        if (definition.isEmpty()) {
            return sysId;
        }
        Map<String, String> row = rows(table).get(sysId);
        return row == null ? "" : row.getOrDefault(definition.get().displayField(), "");
    }

    /** The sys_id of the sys_user with this user_name, or "" when there is none. */
    synchronized String sysUserIdOf(String userName) {
        for (Map<String, String> user : rows(ServiceNowDictionary.SYS_USER).values()) {
            if (userName.equals(user.get("user_name"))) {
                return user.get("sys_id");
            }
        }
        return "";
    }

    private void appendJournal(TableDefinition table, String sysId, Map<String, String> entries, Actor actor) {
        TableDefinition journal = dictionary.table(ServiceNowDictionary.SYS_JOURNAL_FIELD).orElseThrow();
        entries.forEach((element, text) -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("name", table.name());
            entry.put("element", element);
            entry.put("element_id", sysId);
            entry.put("value", text);
            insert(journal, entry, actor);
        });
    }

    private LinkedHashMap<String, Map<String, String>> rows(String table) {
        return tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
    }

    private String nextNumber(TableDefinition table) {
        int n = nextNumber.merge(table.name(), 1, Integer::sum) + FIRST_NUMBER - 1;
        return table.numberPrefix() + String.format("%07d", n);
    }

    private static String newSysId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Sets columns the instance maintains (sys_created_on, opened_at, closed_at) on a stored record, for seeding a
     * record made in the past: a real instance's older records carry their own dates. No business rule runs and
     * nobody is told, as no write happened.
     */
    synchronized Optional<Map<String, String>> backdate(String table, String sysId, Map<String, String> columns) {
        Map<String, String> current = rows(table).get(sysId);
        if (current == null) {
            return Optional.empty();
        }
        current.putAll(columns);
        return Optional.of(new LinkedHashMap<>(current));
    }
}
