package io.retrobridge.sandbox.servicenow;

import java.util.Map;

/**
 * One column of a simulated table.
 *
 * @param referenceTable the table a {@link FieldType#REFERENCE} points at, else null
 * @param choices        code to label for {@link FieldType#CHOICE} fields (may be empty for others)
 * @param defaultValue   what an insert stores when the caller gives nothing
 * @param numericChoice  choice codes that compare as numbers (state, priority, impact, ...)
 */
record FieldDefinition(String name, FieldType type, String referenceTable, Map<String, String> choices,
        String defaultValue, boolean numericChoice) {

    FieldDefinition {
        choices = Map.copyOf(choices);
        defaultValue = defaultValue == null ? "" : defaultValue;
    }

    boolean isReference() {
        return type == FieldType.REFERENCE;
    }

    boolean comparesAsNumber() {
        return type.comparesAsNumber() || numericChoice;
    }

    /** The label of a choice code; a code outside the list shows as itself, as on a real instance. */
    String choiceLabel(String code) {
        return choices.getOrDefault(code, code);
    }
}
