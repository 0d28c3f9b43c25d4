package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.mapping.text.AdfText;
import io.retrobridge.mapping.text.PlainText;
import io.retrobridge.mapping.text.WikiText;

/**
 * A plain text (a rendered template holding item values) as Jira shows it: Cloud takes Atlassian documents,
 * Server/Data Center wiki markup. Read as plain text first, so "[x](url)" or "*x*" in a title stays those characters,
 * then written as text nodes or escaped wiki markup.
 */
public final class JiraPlainText {

    private JiraPlainText() {
    }

    public static JsonNode of(String text, boolean cloud) {
        String safe = text == null || text.isBlank() ? "(no text)" : text;
        String canonical = new PlainText().toCanonical(TextNode.valueOf(safe));
        return cloud ? new AdfText().toExternal(canonical)
                : TextNode.valueOf(new WikiText().toExternal(canonical).asText());
    }
}
