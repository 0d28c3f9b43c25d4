package io.retrobridge.mapping.escalation;

import java.util.List;

/**
 * Where {@code action-items.yaml} finds action items. A board's queue must lie elsewhere: a ticket created
 * there would be read back as a new action item and synced, and could even be escalated itself.
 *
 * @param serviceNowTable the action-item table (scope.servicenow.table); null when not known
 * @param jiraProjects    the action-item projects (scope.jira.projects)
 */
public record ActionItemQueues(String serviceNowTable, List<String> jiraProjects) {

    /** Nothing known (the action-item file itself was refused), so nothing is checked against it. */
    public static final ActionItemQueues UNKNOWN = new ActionItemQueues(null, List.of());

    public ActionItemQueues {
        jiraProjects = List.copyOf(jiraProjects);
    }
}
