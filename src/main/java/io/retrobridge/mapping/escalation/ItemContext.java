package io.retrobridge.mapping.escalation;

/**
 * Where the facts a ticket quotes come from, per side. A null means the side does not hold it.
 *
 * @param retrospectiveField     ServiceNow reference field on the item pointing at its retrospective (e.g. problem)
 * @param changeRecordField      ServiceNow field of that retrospective record pointing at the change (e.g. rfc)
 * @param teamField              ServiceNow field naming the item's team (e.g. assignment_group)
 * @param retrospectiveLabelPrefix Jira label prefix naming the retrospective (e.g. "retro:")
 * @param changeLabelPrefix      Jira label prefix naming the change record (e.g. "change:")
 * @param teamFromJiraProject    whether a Jira item's team is its project key when nothing else names one
 */
public record ItemContext(String retrospectiveField, String changeRecordField, String teamField,
                          String retrospectiveLabelPrefix, String changeLabelPrefix, boolean teamFromJiraProject) {
}
