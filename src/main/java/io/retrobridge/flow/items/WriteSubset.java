package io.retrobridge.flow.items;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.FieldBinding;
import io.retrobridge.mapping.FieldRule;
import io.retrobridge.mapping.RecordFields;
import java.util.Set;

/**
 * Cuts the mapping's full write for a side down to the external fields of the canonical fields that
 * changed, so an update touches only what it must (and a concurrent edit of another field survives).
 */
final class WriteSubset {

    private WriteSubset() {
    }

    static RecordFields of(RecordFields full, ExternalSystem side, Set<String> canonicalFields,
            ActionItemMapping mapping) {
        RecordFields.Builder subset = RecordFields.builder();
        for (FieldRule rule : mapping.fieldRules().values()) {
            if (!canonicalFields.contains(rule.field().yaml())) {
                continue;
            }
            FieldBinding binding = rule.binding(side);
            if (binding == null) {
                continue;
            }
            if (binding.usesLabelPrefix()) {
                copy(full, subset, "labels");
            }
            binding.fields().forEach(field -> copy(full, subset, field));
        }
        return subset.build();
    }

    private static void copy(RecordFields from, RecordFields.Builder to, String field) {
        if (from.has(field)) {
            to.put(field, from.get(field));
        }
    }
}
