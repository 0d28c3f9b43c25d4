package io.retrobridge.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A retrospective RetroBridge opened for one trigger, and the records it made for it: a Jira issue people hold it in
 * and a ServiceNow record (by default a problem pointing at the change) its action items hang under. The records are
 * filled in as each create is settled; a retrospective with both and {@code linkedAt} set is complete.
 *
 * @param key             the trigger's key, one retrospective per key
 * @param serviceNowTable the table its ServiceNow record is (to be) made in
 * @param changeSysId     the change's sys_id the ServiceNow record points at; null when there is none
 * @param rfcNote         why the ServiceNow record points at no change; null when it does
 * @param linkedAt        when the ServiceNow record was told of the Jira issue; null until then
 */
public record Retrospective(UUID id, String key, String ruleId, String tier, String reason, String application,
                            String environment, String version, String changeNumber, String program, LocalDate due,
                            Instant createdAt, String serviceNowTable, String serviceNowSysId, String serviceNowNumber,
                            String changeSysId, String rfcNote, String jiraIssueId, String jiraKey, Instant linkedAt) {

    public Retrospective {
        RecordArguments.required(id, "id");
        RecordArguments.identifier(key, "key");
        RecordArguments.identifier(ruleId, "ruleId");
        RecordArguments.identifier(tier, "tier");
        RecordArguments.notBlank(reason, "reason");
        RecordArguments.required(due, "due");
        RecordArguments.required(createdAt, "createdAt");
        RecordArguments.identifier(serviceNowTable, "serviceNowTable");
    }

    /** A retrospective just opened for {@code trigger}: nothing made for it yet. */
    public static Retrospective opened(RetrospectiveTrigger trigger, String serviceNowTable, Instant at) {
        return new Retrospective(UUID.randomUUID(), trigger.key(), trigger.ruleId(), trigger.tier(), trigger.reason(),
                trigger.application(), trigger.environment(), trigger.version(), trigger.changeNumber(),
                trigger.program(), trigger.due(), at, serviceNowTable, null, null, null, null, null, null, null);
    }

    public Optional<ExternalRef> serviceNowRecord() {
        return Optional.ofNullable(serviceNowSysId).map(id -> new ExternalRef(ExternalSystem.SERVICENOW, id));
    }

    public Optional<ExternalRef> jiraIssue() {
        return Optional.ofNullable(jiraIssueId).map(id -> new ExternalRef(ExternalSystem.JIRA, id));
    }

    /** Whether both records exist and know of each other. */
    public boolean complete() {
        return serviceNowSysId != null && jiraIssueId != null && linkedAt != null;
    }
}
