package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * ServiceNow HTML: journal fields and work notes by default, whose HTML must sit inside
 * {@code [code]...[/code]} to be shown as HTML, or HTML fields that take bare HTML.
 */
public final class HtmlText implements TextConverter {

    private final boolean journal;

    /** For journal fields (comments, work_notes): output is wrapped in {@code [code]...[/code]}. */
    public HtmlText() {
        this(true);
    }

    /** @param journal true to wrap output in {@code [code]...[/code]} as journal fields need */
    public HtmlText(boolean journal) {
        this.journal = journal;
    }

    @Override
    public String toCanonical(JsonNode external) {
        return CanonicalWriter.write(HtmlReader.read(ExternalText.asString(external, "html")));
    }

    @Override
    public JsonNode toExternal(String canonical) {
        String html = HtmlWriter.write(CanonicalReader.read(canonical));
        // A "[/code]" in the text itself would end the HTML section early: tags inside are made inert.
        return TextNode.valueOf(journal && !html.isEmpty() ? "[code]" + JournalText.literal(html) + "[/code]" : html);
    }
}
