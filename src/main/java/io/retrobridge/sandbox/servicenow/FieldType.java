package io.retrobridge.sandbox.servicenow;

/** The dictionary types the simulator distinguishes; they decide comparison, display and write handling. */
enum FieldType {
    STRING,
    INTEGER,
    BOOLEAN,
    /** {@code yyyy-MM-dd HH:mm:ss}, stored in UTC. */
    DATE_TIME,
    /** A stored code with a label, e.g. state {@code 151} shown as "New". */
    CHOICE,
    /** A sys_id pointing at a record of another table. */
    REFERENCE,
    /** Work notes and comments: a write appends to sys_journal_field, the field itself reads back empty. */
    JOURNAL;

    boolean comparesAsNumber() {
        return this == INTEGER;
    }
}
