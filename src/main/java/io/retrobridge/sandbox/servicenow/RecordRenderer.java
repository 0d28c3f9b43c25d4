package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.sandbox.SandboxJson;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a stored record into the JSON the Table API returns: every value a string, references as
 * {@code {"link","value"}}, and with {@code sysparm_display_value} the labels of choices, the display
 * field of referenced records and the journal history of work notes and comments.
 */
final class RecordRenderer {

    private final RecordStore store;
    private final URI baseUrl;
    private volatile java.time.ZoneId displayZone = java.time.ZoneOffset.UTC;

    RecordRenderer(RecordStore store, URI baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    void displayZone(java.time.ZoneId zone) {
        this.displayZone = java.util.Objects.requireNonNull(zone, "zone");
    }

    ObjectNode render(TableDefinition table, Map<String, String> record, RenderOptions options) {
        ObjectNode json = SandboxJson.object();
        List<String> paths = options.fields() == null ? List.copyOf(table.fields().keySet()) : options.fields();
        for (String path : paths) {
            // Unknown fields in sysparm_fields are ignored, as the documentation says.
            store.definition(table, path).ifPresent(field ->
                    json.set(path, value(table, record, path, field, options)));
        }
        return json;
    }

    private JsonNode value(TableDefinition table, Map<String, String> record, String path, FieldDefinition field,
            RenderOptions options) {
        String raw = store.read(table, record, path);
        if (field.isReference()) {
            return reference(field, raw, options);
        }
        return switch (options.mode()) {
            case FALSE -> TextNode.valueOf(raw);
            case TRUE -> TextNode.valueOf(display(table, record, path, field, raw));
            case ALL -> pair(display(table, record, path, field, raw), raw);
        };
    }

    private JsonNode reference(FieldDefinition field, String raw, RenderOptions options) {
        if (raw.isEmpty()) {
            return options.mode() == RenderOptions.DisplayMode.ALL ? pair("", "") : TextNode.valueOf("");
        }
        String link = baseUrl + "/api/now/table/" + field.referenceTable() + "/" + raw;
        String display = options.mode() == RenderOptions.DisplayMode.FALSE ? null
                : store.displayValueOf(field.referenceTable(), raw);
        if (options.excludeReferenceLink()) {
            return switch (options.mode()) {
                case FALSE -> TextNode.valueOf(raw);
                case TRUE -> TextNode.valueOf(display);
                case ALL -> pair(display, raw);
            };
        }
        ObjectNode node = SandboxJson.object();
        if (display != null) {
            node.put("display_value", display);
        }
        node.put("link", link);
        if (options.mode() != RenderOptions.DisplayMode.TRUE) {
            node.put("value", raw);
        }
        return node;
    }

    private String display(TableDefinition table, Map<String, String> record, String path, FieldDefinition field,
            String raw) {
        return switch (field.type()) {
            case CHOICE -> raw.isEmpty() ? "" : field.choiceLabel(raw);
            case JOURNAL -> path.contains(".") ? "" : journalHistory(record.get("sys_id"), field.name());
            case DATE_TIME -> GlideDateTime.display(raw, displayZone);
            default -> raw;
        };
    }

    /** A journal field's display value: every entry, newest first, headed by when, who and which field. */
    private String journalHistory(String sysId, String element) {
        String label = element.equals("work_notes") ? "Work notes" : "Additional comments";
        StringBuilder text = new StringBuilder();
        for (Map<String, String> entry : store.journal(sysId, element)) {
            text.append(entry.get("sys_created_on")).append(" - ").append(userDisplay(entry.get("sys_created_by")))
                    .append(" (").append(label).append(")\n").append(entry.get("value")).append("\n\n");
        }
        return text.toString();
    }

    private String userDisplay(String userName) {
        Optional<String> name = store.all(ServiceNowDictionary.SYS_USER).stream()
                .filter(u -> userName.equals(u.get("user_name")))
                .map(u -> u.get("name"))
                .filter(n -> !n.isEmpty())
                .findFirst();
        return name.orElse(userName);
    }

    private static ObjectNode pair(String display, String value) {
        ObjectNode node = SandboxJson.object();
        node.put("display_value", display);
        node.put("value", value);
        return node;
    }
}
