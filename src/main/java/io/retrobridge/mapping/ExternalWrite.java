package io.retrobridge.mapping;

import io.retrobridge.domain.ExternalSystem;
import java.util.List;

/**
 * What to send to one side for an action item.
 *
 * @param fields  Jira: the {@code fields} object of a create/edit request (a {@code status} entry names the
 *                target status, reached by a transition since Jira does not edit status directly);
 *                ServiceNow: the Table API body, every value a string
 * @param ruleIds the classification rule(s) that shaped the write, for the journal
 * @param notes   what the journal should say beyond the values, e.g. a value map default standing in
 */
public record ExternalWrite(ExternalSystem side, RecordFields fields, List<String> ruleIds, List<String> notes) {
    public ExternalWrite {
        ruleIds = List.copyOf(ruleIds);
        notes = List.copyOf(notes);
    }
}
