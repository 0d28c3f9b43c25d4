package io.retrobridge.mapping.text;

/**
 * Converts one external rich-text format to and from RetroBridge's canonical text, a small Markdown
 * subset: paragraphs, {@code - } and {@code 1. } lists, links, inline code, fenced code blocks, bold,
 * italic and headings. Anything the subset cannot express is kept as readable plain text.
 */
public interface TextConverter {

    /** Reads an ADF document node, or a JSON string node holding HTML, wiki markup or plain text. */
    String toCanonical(com.fasterxml.jackson.databind.JsonNode external);

    /** Writes canonical text in this converter's external format. */
    com.fasterxml.jackson.databind.JsonNode toExternal(String canonical);
}
