package io.retrobridge.mapping.escalation;

/**
 * How an item shows its escalation state. Jira gets a label {@code jiraLabelPrefix + boardId} (escalated:cab)
 * while a board holds it; ServiceNow gets the board's name and step in {@code serviceNowField}
 * (e.g. u_escalation); both are cleared on de-escalation.
 */
public record StateMarkers(String jiraLabelPrefix, String serviceNowField) {
}
