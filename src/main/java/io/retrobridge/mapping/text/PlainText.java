package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Plain text is canonical text already: a JSON string in, the same string out. */
public final class PlainText implements TextConverter {

    @Override
    public String toCanonical(JsonNode external) {
        return external == null || external.isNull() ? "" : external.asText();
    }

    @Override
    public JsonNode toExternal(String canonical) {
        return TextNode.valueOf(canonical == null ? "" : canonical);
    }
}
