package io.retrobridge.flow.comments;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CanonicalField;
import io.retrobridge.mapping.ClassificationDecision;
import io.retrobridge.mapping.CommentRule;
import io.retrobridge.mapping.ExternalWrite;
import io.retrobridge.mapping.FieldRule;
import io.retrobridge.mapping.MappedItem;
import io.retrobridge.mapping.OnDelete;
import io.retrobridge.mapping.RecordFields;
import io.retrobridge.mapping.Scopes;
import io.retrobridge.mapping.change.ChangeRecordsMapping;
import java.util.List;
import java.util.Map;

/**
 * What the comment gateways are told about a change request's mirror: the change_request table and the
 * change-records mapping's comment rule, the only two things they read of a mapping. A change is no action item, so
 * everything that maps or classifies an item refuses loudly instead of answering with the action-item mapping's rules.
 */
final class ChangeCommentScope implements ActionItemMapping {

    private final ChangeRecordsMapping changes;

    ChangeCommentScope(ChangeRecordsMapping changes) {
        this.changes = changes;
    }

    @Override
    public CommentRule comments() {
        return changes.comments();
    }

    @Override
    public Scopes.ServiceNow serviceNowScope() {
        return new Scopes.ServiceNow(ChangeRecordsMapping.SERVICENOW_TABLE, changes.query());
    }

    @Override
    public Scopes.Jira jiraScope() {
        return new Scopes.Jira(List.of(changes.project()), changes.issueType(), changes.label(), "");
    }

    @Override
    public MappedItem read(ExternalSystem side, RecordFields externalFields) {
        throw notAnItem();
    }

    @Override
    public ExternalWrite toExternal(ExternalSystem side, ActionItem item) {
        throw notAnItem();
    }

    @Override
    public boolean clearsUnknownAssignee() {
        throw notAnItem();
    }

    @Override
    public ExternalWrite toNewRecord(ExternalSystem side, ActionItem item) {
        throw notAnItem();
    }

    @Override
    public ClassificationDecision explain(ActionItem item, ExternalSystem source) {
        throw notAnItem();
    }

    @Override
    public Map<CanonicalField, FieldRule> fieldRules() {
        throw notAnItem();
    }

    @Override
    public Map<CanonicalField, FieldRule> fieldsOwnedBy(ExternalSystem side) {
        throw notAnItem();
    }

    @Override
    public List<String> fieldsToRead(ExternalSystem side) {
        throw notAnItem();
    }

    @Override
    public OnDelete onDelete() {
        throw notAnItem();
    }

    private static UnsupportedOperationException notAnItem() {
        return new UnsupportedOperationException(
                "a change request's mirror carries comments only; it is no action item");
    }
}
