package io.retrobridge.mapping;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.FieldFlow;
import java.util.List;
import java.util.Map;

/**
 * The admin's action-item mapping, ready to evaluate. Implementations are immutable: a reloaded file
 * gives a new instance, so a caller holding one sees one consistent mapping throughout a sync.
 */
public interface ActionItemMapping {

    /**
     * The canonical item for a record read from one side, classified with {@code side} as its source.
     *
     * @param externalFields Jira: the issue's {@code fields} object as REST v3 returns it;
     *                       ServiceNow: a Table API record with raw values (ask for {@link #fieldsToRead})
     */
    default ActionItem toCanonical(ExternalSystem side, RecordFields externalFields) {
        return read(side, externalFields).item();
    }

    /** As {@link #toCanonical}, with the rule ids and notes (defaults used, unknown users) for the journal. */
    MappedItem read(ExternalSystem side, RecordFields externalFields);

    /** The fields to send to a side: those whose direction flows into it, plus the classification write-back. */
    ExternalWrite toExternal(ExternalSystem side, ActionItem item);

    /**
     * In a Jira write, an assignee the mapping does not list is {@code {"emailAddress": ...}}: the Jira side
     * turns it into an accountId by user search before sending (ServiceNow gets the e-mail as the value).
     */
    String ASSIGNEE_BY_EMAIL = "emailAddress";

    /** What to do when nobody on the other side has the assignee's e-mail: clear it (true) or leave it. */
    boolean clearsUnknownAssignee();

    /**
     * The fields of a record created on a side: every synced field, also those the other side owns, so the
     * new record starts equal to the one it was made from rather than with the side's defaults.
     */
    ExternalWrite toNewRecord(ExternalSystem side, ActionItem item);

    default Classification classify(ActionItem item, ExternalSystem source) {
        return explain(item, source).classification();
    }

    /** The classification with the rule that decided it and why, in words. */
    ClassificationDecision explain(ActionItem item, ExternalSystem source);

    /** FieldFlow, owner and conflict policy of every mapped canonical field. */
    Map<CanonicalField, FieldRule> fieldRules();

    /** The fields whose value a side owns: one-way fields it is the source of, and {@code both} fields it owns. */
    Map<CanonicalField, FieldRule> fieldsOwnedBy(ExternalSystem side);

    /** External field names to request when reading a side (e.g. ServiceNow {@code sysparm_fields}). */
    List<String> fieldsToRead(ExternalSystem side);

    Scopes.Jira jiraScope();

    Scopes.ServiceNow serviceNowScope();

    /** How comments on linked items travel between the sides. */
    CommentRule comments();

    /** What a proven deletion on one side does to the linked record on the other. */
    OnDelete onDelete();

    /** Where classified items land in Jira's plan (fix version, sprint); {@link ReleasePlan#NONE} when not set. */
    default ReleasePlan releasePlan() {
        return ReleasePlan.NONE;
    }
}
