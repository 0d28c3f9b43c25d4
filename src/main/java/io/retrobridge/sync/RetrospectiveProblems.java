package io.retrobridge.sync;

import java.util.List;
import java.util.Optional;

/**
 * The ServiceNow records retrospectives' action items hang under (by default a problem whose {@code rfc} points at
 * the release's change). Every record carries a marker in its correlation_id, so a create whose answer was lost is
 * found rather than made twice; only a record the integration user created counts.
 */
public interface RetrospectiveProblems {

    /** A record: its sys_id (what is stored), its number and where people open it. */
    record Problem(String sysId, String number, String url) {
    }

    /** An action item under a record (a problem task), as ServiceNow shows it. */
    record Task(String sysId, String number, String shortDescription, String state) {
    }

    /** The sys_id of the change request numbered so; empty when ServiceNow has none. */
    Optional<String> changeSysId(String changeNumber);

    /** The record we made with this marker in the table, if any. */
    Optional<Problem> findOurs(String table, String marker);

    /**
     * The oldest record still open in the table that points at the change through {@code changeField}: one people
     * opened for the release before RetroBridge did, which the retrospective then uses rather than open a second.
     */
    Optional<Problem> openFor(String table, String changeField, String changeSysId);

    /**
     * Creates the record with the marker as its correlation_id.
     *
     * @param changeField the field that points at the change (e.g. {@code rfc}); not set when {@code changeSysId}
     *                    is null
     */
    Problem open(String table, String shortDescription, String description, String changeField, String changeSysId,
                 String marker);

    /**
     * Adds a work note naming the Jira issue and its address, unless the record carries one naming that address
     * already (so a retry notes it once).
     *
     * @return whether a note was added
     */
    boolean noteJiraIssue(String table, String sysId, String text, String jiraUrl);

    /** The action items under the record: the problem tasks whose {@code problem} is it, oldest first. */
    List<Task> tasksUnder(String sysId);

    /** Where people open the record. */
    String browseUrl(String table, String sysId);
}
