package io.retrobridge.domain;

/** One record in one external system, e.g. Jira issue {@code RB-12} or a ServiceNow sys_id. */
public record ExternalRef(ExternalSystem system, String id) {

    public ExternalRef {
        RecordArguments.required(system, "system");
        RecordArguments.identifier(id, "id of the " + system + " record");
    }

    @Override
    public String toString() {
        return system + " " + id;
    }
}
