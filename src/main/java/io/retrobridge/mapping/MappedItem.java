package io.retrobridge.mapping;

import io.retrobridge.domain.ActionItem;
import java.util.List;

/** A canonical item read from one side, with the rule ids and notes that explain it. */
public record MappedItem(ActionItem item, List<String> ruleIds, String classificationReason, List<String> notes) {
    public MappedItem {
        ruleIds = List.copyOf(ruleIds);
        notes = List.copyOf(notes);
    }
}
