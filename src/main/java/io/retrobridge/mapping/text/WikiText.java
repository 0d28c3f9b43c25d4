package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Jira Server/Data Center (REST v2) rich text: wiki markup strings. */
public final class WikiText implements TextConverter {

    @Override
    public String toCanonical(JsonNode external) {
        return CanonicalWriter.write(WikiReader.read(ExternalText.asString(external, "wiki")));
    }

    @Override
    public JsonNode toExternal(String canonical) {
        return TextNode.valueOf(WikiWriter.write(CanonicalReader.read(canonical)));
    }
}
