package io.retrobridge.sandbox.servicenow;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Row-level read ACLs that keep records from a user: single records, or every record of a table. ServiceNow answers
 * such a record as if it did not exist (404 "No Record found", "Record doesn't exist or ACL restricts the record
 * retrieval") and leaves it out of lists; business rules still fire on it, since they run as the system.
 */
final class RecordAcl {

    private final Set<String> hiddenRecords = ConcurrentHashMap.newKeySet();
    private final Set<String> hiddenTables = ConcurrentHashMap.newKeySet();

    void hideRecord(String table, String sysId, String userName) {
        hiddenRecords.add(table + "|" + sysId + "|" + userName);
    }

    void showRecord(String table, String sysId, String userName) {
        hiddenRecords.remove(table + "|" + sysId + "|" + userName);
    }

    void hideTable(String table, String userName) {
        hiddenTables.add(table + "|" + userName);
    }

    void showTable(String table, String userName) {
        hiddenTables.remove(table + "|" + userName);
    }

    boolean hides(String table, String sysId, String userName) {
        return hiddenTables.contains(table + "|" + userName) || hiddenRecords.contains(table + "|" + sysId + "|" + userName);
    }

    boolean hides(String table, Map<String, String> record, String userName) {
        return hides(table, record.get("sys_id"), userName);
    }
}
