package io.retrobridge.domain;

/** Which way a mapped field travels between Jira and ServiceNow. */
public enum FieldFlow {
    JIRA_TO_SERVICENOW,
    SERVICENOW_TO_JIRA,
    BOTH;

    /** True when a change seen on {@code source} may be written to the other side. */
    public boolean carriesFrom(ExternalSystem source) {
        return switch (this) {
            case BOTH -> true;
            case JIRA_TO_SERVICENOW -> source == ExternalSystem.JIRA;
            case SERVICENOW_TO_JIRA -> source == ExternalSystem.SERVICENOW;
        };
    }
}
