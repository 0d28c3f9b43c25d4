package io.retrobridge.sandbox.servicenow;

import java.util.Map;

/** Told of every committed insert, update and delete, in commit order. */
@FunctionalInterface
interface RecordChangeListener {

    void changed(String table, String operation, Map<String, String> record);
}
