package io.retrobridge.escalation;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;
import java.util.Map;

/**
 * One linked action item as the scan sees it now: its canonical content, where it lives and what it belongs to.
 *
 * @param itemKey        stable key of the item: its link's correlation id (rb-...)
 * @param displayKeys    what people call it on each side it exists on (PAY-12, PTASK0010001)
 * @param ids            its id on each side (Jira issue id, ServiceNow sys_id)
 * @param urls           a browser link on each side
 * @param item           canonical content, classified
 * @param ownerName      the assignee's display name, null when unassigned
 * @param retrospective  the retrospective it came from (e.g. "PRB0040001 Payment gateway upgrade ..."), null if unknown
 * @param changeRecord   the change record that failed (e.g. CHG0030001), null if unknown
 * @param team           the team that owns it, null if unknown
 * @param completedAt    when it was closed, null while open
 */
public record EscalationSubject(String itemKey, Map<ExternalSystem, String> displayKeys, Map<ExternalSystem, String> ids,
                                Map<ExternalSystem, String> urls, ActionItem item, String ownerName,
                                String retrospective, String changeRecord, String team, Instant completedAt) {

    public EscalationSubject {
        displayKeys = Map.copyOf(displayKeys);
        ids = Map.copyOf(ids);
        urls = Map.copyOf(urls);
    }

    /** The key shown first: ServiceNow's number when the item has one, else Jira's key. */
    public String preferredKey() {
        String serviceNow = displayKeys.get(ExternalSystem.SERVICENOW);
        return serviceNow != null ? serviceNow : displayKeys.get(ExternalSystem.JIRA);
    }
}
