package io.retrobridge.mapping;

import io.retrobridge.domain.ExternalSystem;

/** Which way a field's changes travel. */
public enum Direction {
    JIRA_TO_SERVICENOW("jira->servicenow"), SERVICENOW_TO_JIRA("servicenow->jira"), BOTH("both");

    private final String yaml;

    Direction(String yaml) {
        this.yaml = yaml;
    }

    public String yaml() {
        return yaml;
    }

    /** True when a change seen on {@code source} is copied to the other side. */
    public boolean flowsFrom(ExternalSystem source) {
        return this == BOTH || (source == ExternalSystem.JIRA ? this == JIRA_TO_SERVICENOW : this == SERVICENOW_TO_JIRA);
    }

    /** The side a one-way field is copied from; null for {@code both}. */
    public ExternalSystem source() {
        return switch (this) {
            case JIRA_TO_SERVICENOW -> ExternalSystem.JIRA;
            case SERVICENOW_TO_JIRA -> ExternalSystem.SERVICENOW;
            case BOTH -> null;
        };
    }
}
