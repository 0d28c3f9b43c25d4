package io.retrobridge.web.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads scalar fields from a delivery by dotted path, for messages that name the path. */
final class JsonFields {

    private JsonFields() {
    }

    /** The text of a string or number at {@code path}; empty when absent, null or blank. */
    static Optional<String> text(JsonNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node == null || !node.isObject() ? null : node.get(name);
        }
        if (node == null || !(node.isTextual() || node.isNumber()) || node.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** Quotes a value from a delivery for a message, cut short so a huge value cannot flood it. */
    static String quote(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "'";
    }
}
