package io.retrobridge.gate;

import io.retrobridge.domain.Scope;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One action item of a retrospective, as the gate needs it: enough to say what it is, where to find it, and whether
 * it still holds a release back.
 *
 * @param linkId           the link RetroBridge keeps between its Jira issue and ServiceNow record
 * @param title            as written on the item; line breaks are flattened when an answer quotes it
 * @param jiraKey          e.g. {@code PAY-31}; null when there is no Jira issue
 * @param serviceNowNumber e.g. {@code PTASK0010001}; null when there is no ServiceNow record
 * @param scope            what kind of work it asks for; null while no classification rule has placed it
 * @param open             false once it is done (or cancelled)
 * @param due              null when it has no due date
 * @param failureMode      the failure-mode tag it addresses, e.g. {@code config-drift}; null when untagged
 * @param escalatedTo      the review board it was escalated to, e.g. {@code CAB}; null when not escalated
 * @param overdue          whether it is still overdue, as escalation judges it (working days, holds)
 */
public record FollowUp(String linkId, String title, String jiraKey, String serviceNowNumber, Scope scope, boolean open,
                       LocalDate due, String failureMode, String escalatedTo, boolean overdue) {

    public FollowUp {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(title, "title");
    }

    /** Escalated to a board and, still open, still overdue: what {@code escalated-overdue} looks for. */
    public boolean escalatedAndOverdue() {
        return open && overdue && escalatedTo != null;
    }

    /** How an answer names it for people: the Jira key, else the ServiceNow number, else the link. */
    public String reference() {
        return jiraKey != null ? jiraKey : serviceNowNumber != null ? serviceNowNumber : linkId;
    }
}
