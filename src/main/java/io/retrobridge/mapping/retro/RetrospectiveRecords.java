package io.retrobridge.mapping.retro;

/**
 * Where retrospectives are opened: the Jira issue people hold it in, and the ServiceNow record linked to the change
 * that its action items hang under.
 *
 * @param jiraProject        the project key, e.g. PAY
 * @param jiraIssueType      the issue type created, e.g. Task
 * @param jiraLabel          the label every retrospective issue carries
 * @param serviceNowTable    the table, default {@code problem}
 * @param serviceNowChangeField the field on that table that points at the change, default {@code rfc}
 */
public record RetrospectiveRecords(String jiraProject, String jiraIssueType, String jiraLabel,
                                   String serviceNowTable, String serviceNowChangeField) {
}
