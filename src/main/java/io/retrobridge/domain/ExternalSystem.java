package io.retrobridge.domain;

/** The systems RetroBridge keeps in sync. */
public enum ExternalSystem {
    JIRA,
    SERVICENOW;

    /** The side a change on this system is written to. */
    public ExternalSystem other() {
        return this == JIRA ? SERVICENOW : JIRA;
    }
}
