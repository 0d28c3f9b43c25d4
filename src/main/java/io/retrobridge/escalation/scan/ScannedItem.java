package io.retrobridge.escalation.scan;

import io.retrobridge.domain.Link;
import io.retrobridge.escalation.EscalationSubject;
import java.util.Set;

/**
 * One linked action item as a scan read it: the subject the planner sees, plus what the scan needs to write
 * back to the item itself.
 *
 * @param jiraLabels        the labels now (empty when the item has no Jira side)
 * @param serviceNowMarker  the marker field's value now ("" when empty or no ServiceNow side)
 */
record ScannedItem(EscalationSubject subject, Link link, Set<String> jiraLabels, String serviceNowMarker) {

    ScannedItem {
        jiraLabels = Set.copyOf(jiraLabels);
        serviceNowMarker = serviceNowMarker == null ? "" : serviceNowMarker;
    }

    String key() {
        return subject.itemKey();
    }

    String displayKey() {
        return subject.preferredKey();
    }
}
