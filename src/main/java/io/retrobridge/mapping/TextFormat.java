package io.retrobridge.mapping;

/** How a text field is written on one side. */
public enum TextFormat {
    /** Atlassian Document Format (Jira Cloud REST v3 rich text). */
    ADF,
    /** Jira wiki markup (Jira Server / Data Center REST v2 text fields). */
    WIKI,
    /** ServiceNow HTML fields and journal entries. */
    HTML,
    /** Text as it is, no markup. */
    PLAIN
}
