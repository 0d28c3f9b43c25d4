package io.retrobridge.mapping;

import io.retrobridge.domain.ConflictPolicy;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.FieldFlow;
import io.retrobridge.domain.FieldPolicy;
import io.retrobridge.domain.SyncPair;
import java.util.Optional;

/**
 * How one canonical field is kept in sync: which way it travels, who owns it and what a conflict does.
 *
 * @param direction null when the field is only read (e.g. Jira components used for classification)
 * @param owner     the side whose value wins under {@code owner-wins}; for a one-way field, its source
 * @param jira      null when the field does not exist on Jira
 * @param servicenow null when the field does not exist on ServiceNow
 */
public record FieldRule(CanonicalField field, FieldFlow direction, ConflictPolicy conflict, ExternalSystem owner,
                        FieldBinding jira, FieldBinding servicenow) {

    public FieldBinding binding(ExternalSystem side) {
        return side == ExternalSystem.JIRA ? jira : servicenow;
    }

    /** True when sync copies this field's changes from {@code source} to the other side. */
    public boolean flowsFrom(ExternalSystem source) {
        return direction != null && direction.carriesFrom(source);
    }

    /** True when sync writes this field on {@code side}. */
    public boolean writtenOn(ExternalSystem side) {
        return direction != null && direction.carriesFrom(other(side));
    }

    static ExternalSystem other(ExternalSystem side) {
        return SyncPair.ACTION_ITEMS.counterpart(side);
    }

    /** What the decide step needs of this rule; empty for a field that is only read. */
    public Optional<FieldPolicy> policy() {
        return direction == null ? Optional.empty()
                : Optional.of(new FieldPolicy(field.yaml(), direction, conflict, owner));
    }
}
