package io.retrobridge.mapping;

import java.util.List;

/**
 * Where one canonical field lives on one side.
 *
 * @param fields      the external field(s); several only for value-mapped fields such as ServiceNow
 *                    {@code impact} + {@code urgency}
 * @param text        how text is converted (title and description); PLAIN elsewhere
 * @param labelPrefix for Jira, a label prefix that carries the value instead of a field
 *                    (e.g. {@code failure-mode:} holds {@code failure-mode:config-drift}); null otherwise
 */
public record FieldBinding(List<String> fields, TextFormat text, String labelPrefix) {

    public FieldBinding {
        fields = List.copyOf(fields);
    }

    /** The single field the binding reads and writes (the first of several). */
    public String field() {
        return fields.isEmpty() ? null : fields.get(0);
    }

    public boolean usesLabelPrefix() {
        return labelPrefix != null;
    }
}
