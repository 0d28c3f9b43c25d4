package io.retrobridge.mapping.escalation;

import io.retrobridge.domain.ExternalSystem;

/**
 * A queue tickets are created in: a ServiceNow table and assignment group, or a Jira project and issue type.
 * Fields of the other system are null.
 *
 * @param table           ServiceNow table (e.g. sc_task)
 * @param assignmentGroup ServiceNow assignment group name (e.g. CAB)
 * @param project         Jira project key (e.g. ARB)
 * @param issueType       Jira issue type name (e.g. Task)
 * @param labels          Jira labels added to every ticket (never null; empty for ServiceNow)
 */
public record BoardQueue(ExternalSystem system, String table, String assignmentGroup, String project,
                         String issueType, java.util.List<String> labels) {

    public BoardQueue {
        labels = labels == null ? java.util.List.of() : java.util.List.copyOf(labels);
    }

    public static BoardQueue serviceNow(String table, String assignmentGroup) {
        return new BoardQueue(ExternalSystem.SERVICENOW, table, assignmentGroup, null, null, null);
    }

    public static BoardQueue jira(String project, String issueType, java.util.List<String> labels) {
        return new BoardQueue(ExternalSystem.JIRA, null, null, project, issueType, labels);
    }
}
