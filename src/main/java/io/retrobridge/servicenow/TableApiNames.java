package io.retrobridge.servicenow;

import java.util.regex.Pattern;

/**
 * Checks the names and ids that become part of a Table API path or parameter before anything is
 * sent, so a wrong or hostile value fails here with a clear message instead of reaching another
 * table or widening a query.
 */
final class TableApiNames {

    private static final Pattern TABLE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern DOT_WALKED = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    private TableApiNames() {
    }

    static String table(String name) {
        if (name == null || !TABLE.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a ServiceNow table name (lower-case letters, "
                    + "digits and _, starting with a letter, e.g. problem_task); nothing was sent");
        }
        return name;
    }

    static String sysId(String sysId) {
        if (!isSysId(sysId)) {
            throw new IllegalArgumentException("'" + sysId + "' is not a ServiceNow sys_id (32 hexadecimal "
                    + "characters); nothing was sent");
        }
        return sysId;
    }

    static boolean isSysId(String value) {
        return value != null && SYS_ID.matcher(value).matches();
    }

    /** A field to read: a column, or a reference followed to a column of its record ({@code assigned_to.email}). */
    static String readableField(String name) {
        if (name == null || !DOT_WALKED.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a ServiceNow field name (e.g. short_description "
                    + "or assigned_to.email); nothing was sent");
        }
        return name;
    }

    /** A field to write: a column of the record itself; the Table API silently ignores dot-walked writes. */
    static String writableField(String name) {
        if (name == null || !COLUMN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a field ServiceNow can write on this record "
                    + "(a column name such as short_description; dotted names cannot be written); nothing was sent");
        }
        return name;
    }
}
