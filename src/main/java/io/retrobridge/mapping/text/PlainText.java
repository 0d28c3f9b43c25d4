package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** ServiceNow plain string fields such as {@code description} and {@code short_description}. */
public final class PlainText implements TextConverter {

    @Override
    public String toCanonical(JsonNode external) {
        return CanonicalWriter.write(PlainReader.read(ExternalText.asString(external, "plain")));
    }

    @Override
    public JsonNode toExternal(String canonical) {
        return TextNode.valueOf(PlainWriter.write(CanonicalReader.read(canonical)));
    }
}
