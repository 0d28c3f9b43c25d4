package io.retrobridge.domain;

/** The systems whose records we keep in sync. */
public enum ExternalSystem {
    JIRA,
    SERVICENOW
}
