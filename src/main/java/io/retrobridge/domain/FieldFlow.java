package io.retrobridge.domain;

/** Which way a mapped field travels between Jira and ServiceNow. */
public enum FieldFlow {
    JIRA_TO_SERVICENOW("jira->servicenow"),
    SERVICENOW_TO_JIRA("servicenow->jira"),
    BOTH("both");

    private final String yaml;

    FieldFlow(String yaml) {
        this.yaml = yaml;
    }

    /** How mapping files spell it. */
    public String yaml() {
        return yaml;
    }

    /** The side a one-way field is copied from; null for {@code both}. */
    public ExternalSystem source() {
        return switch (this) {
            case JIRA_TO_SERVICENOW -> ExternalSystem.JIRA;
            case SERVICENOW_TO_JIRA -> ExternalSystem.SERVICENOW;
            case BOTH -> null;
        };
    }

    /** True when a change seen on {@code source} may be written to the other side. */
    public boolean carriesFrom(ExternalSystem source) {
        return switch (this) {
            case BOTH -> true;
            case JIRA_TO_SERVICENOW -> source == ExternalSystem.JIRA;
            case SERVICENOW_TO_JIRA -> source == ExternalSystem.SERVICENOW;
        };
    }
}
