package io.retrobridge.mapping.escalation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code action-items.yaml} already uses, which escalations must keep out of: a ticket raised in an
 * action-item queue would be synced as a new action item, and a marker written to a mapped field or label
 * prefix would change the item's synced data and travel to the other side.
 *
 * @param serviceNowTable   the action-item table (scope.servicenow.table); null when not known
 * @param jiraProjects      the action-item projects (scope.jira.projects)
 * @param serviceNowFields  ServiceNow field -> the canonical field it holds (e.g. cause_code -> failure-mode)
 * @param jiraLabelPrefixes Jira label prefix -> the canonical field it holds (e.g. failure-mode: -> failure-mode)
 */
public record ActionItemsInUse(String serviceNowTable, List<String> jiraProjects, Map<String, String> serviceNowFields,
                               Map<String, String> jiraLabelPrefixes) {

    /** Nothing known (the action-item file itself was refused), so nothing is checked against it. */
    public static final ActionItemsInUse UNKNOWN = new ActionItemsInUse(null, List.of(), Map.of(), Map.of());

    public ActionItemsInUse {
        jiraProjects = List.copyOf(jiraProjects);
        serviceNowFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(serviceNowFields));
        jiraLabelPrefixes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jiraLabelPrefixes));
    }
}
