package io.retrobridge.mapping.text;

public interface TextConverter {   // canonical text = a Markdown subset: paragraphs, - / 1. lists, [text](url), `code`, ``` blocks
    String toCanonical(com.fasterxml.jackson.databind.JsonNode external); // ADF node, or a JSON string node for HTML/wiki/plain
    com.fasterxml.jackson.databind.JsonNode toExternal(String canonical);
}
