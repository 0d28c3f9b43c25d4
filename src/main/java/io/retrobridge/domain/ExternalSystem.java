package io.retrobridge.domain;

public enum ExternalSystem { JIRA, SERVICENOW }
