package io.retrobridge.mapping.change;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fields of a change request that can be mirrored, as named in {@code change-records.yaml}. */
public enum ChangeField {
    NUMBER("number", "Number"),
    SHORT_DESCRIPTION("short-description", "Short description"),
    TYPE("type", "Type"),
    STATE("state", "State"),
    RISK("risk", "Risk"),
    IMPACT("impact", "Impact"),
    ASSIGNMENT_GROUP("assignment-group", "Assignment group"),
    CONFIGURATION_ITEM("configuration-item", "Configuration item"),
    PLANNED_START("planned-start", "Planned start"),
    PLANNED_END("planned-end", "Planned end"),
    ACTUAL_START("actual-start", "Actual start"),
    ACTUAL_END("actual-end", "Actual end"),
    CLOSE_CODE("close-code", "Close code"),
    CLOSE_NOTES("close-notes", "Close notes");

    private final String yamlName;
    private final String label;

    ChangeField(String yamlName, String label) {
        this.yamlName = yamlName;
        this.label = label;
    }

    /** As written in the mapping file, e.g. {@code planned-start}. */
    public String yamlName() {
        return yamlName;
    }

    /** The row title in the description's "Change details" table. */
    public String label() {
        return label;
    }

    public static Optional<ChangeField> ofYamlName(String name) {
        return Arrays.stream(values()).filter(field -> field.yamlName.equals(name)).findFirst();
    }

    public static List<String> yamlNames() {
        return Arrays.stream(values()).map(ChangeField::yamlName).toList();
    }
}
