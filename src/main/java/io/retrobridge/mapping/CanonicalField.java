package io.retrobridge.mapping;

import java.util.Arrays;
import java.util.Optional;

/** The fields of a canonical action item a mapping file can bind to the systems' fields. */
public enum CanonicalField {
    TITLE("title", Kind.TEXT),
    DESCRIPTION("description", Kind.RICH_TEXT),
    STATUS("status", Kind.CODE),
    PRIORITY("priority", Kind.CODE),
    ASSIGNEE("assignee", Kind.USER),
    DUE_DATE("due-date", Kind.DATE),
    LABELS("labels", Kind.SET),
    COMPONENTS("components", Kind.SET),
    FAILURE_MODE("failure-mode", Kind.TEXT);

    /** How values of the field are read and written; decides which binding options make sense. */
    enum Kind { TEXT, RICH_TEXT, CODE, USER, DATE, SET }

    private final String yaml;
    private final Kind kind;

    CanonicalField(String yaml, Kind kind) {
        this.yaml = yaml;
        this.kind = kind;
    }

    public String yaml() {
        return yaml;
    }

    Kind kind() {
        return kind;
    }

    static Optional<CanonicalField> byYaml(String name) {
        return Arrays.stream(values()).filter(f -> f.yaml.equals(name)).findFirst();
    }
}
