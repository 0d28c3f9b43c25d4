package io.retrobridge.mapping.text;

import io.retrobridge.mapping.text.RichText.Block;
import io.retrobridge.mapping.text.RichText.Code;
import io.retrobridge.mapping.text.RichText.CodeBlock;
import io.retrobridge.mapping.text.RichText.Heading;
import io.retrobridge.mapping.text.RichText.Inline;
import io.retrobridge.mapping.text.RichText.ListBlock;
import io.retrobridge.mapping.text.RichText.ListItem;
import io.retrobridge.mapping.text.RichText.Paragraph;
import io.retrobridge.mapping.text.RichText.Rule;
import io.retrobridge.mapping.text.RichText.Text;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a {@link RichText} as HTML built element by element (so every text is escaped), then passes it
 * through jsoup's cleaner with an allow-list as a second guard.
 */
final class HtmlWriter {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addTags("hr")
            .addAttributes("code", "class")
            .addAttributes("a", "rel")
            .preserveRelativeLinks(true);
    private static final String BASE = "https://retrobridge.invalid/";
    /** ServiceNow ends an HTML section at the first [/code]; such text inside must not look like the marker. */
    private static final Pattern CODE_MARKER = Pattern.compile("(?i)\\[(/?code)]");

    private HtmlWriter() {
    }

    static String write(RichText text) {
        Document document = Document.createShell(BASE);
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        // Pretty printing would fold the spaces inside inline code.
        document.outputSettings(settings);
        Element body = document.body();
        blocks(text.blocks(), body);
        String clean = Jsoup.clean(body.html(), BASE, ALLOWED, settings);
        return CODE_MARKER.matcher(clean).replaceAll("&#91;$1]");
    }

    private static void blocks(List<Block> blocks, Element parent) {
        for (Block block : blocks) {
            if (block instanceof Paragraph p) {
                inlines(p.inlines(), parent.appendElement("p"));
            } else if (block instanceof Heading h) {
                inlines(h.inlines(), parent.appendElement("h" + h.level()));
            } else if (block instanceof CodeBlock c) {
                Element code = parent.appendElement("pre").appendElement("code");
                if (!c.language().isEmpty()) {
                    code.addClass("language-" + c.language().replaceAll("[^A-Za-z0-9_+#.-]", ""));
                }
                code.appendText(c.code());
            } else if (block instanceof Rule) {
                parent.appendElement("hr");
            } else {
                ListBlock list = (ListBlock) block;
                Element element = parent.appendElement(list.ordered() ? "ol" : "ul");
                if (list.ordered() && list.start() != 1) {
                    element.attr("start", Integer.toString(list.start()));
                }
                for (ListItem item : list.items()) {
                    Element li = element.appendElement("li");
                    List<Block> itemBlocks = item.blocks();
                    // A simple item holds its words directly, as HTML editors write it: <li>text</li>.
                    if (!itemBlocks.isEmpty() && itemBlocks.get(0) instanceof Paragraph first) {
                        inlines(first.inlines(), li);
                        itemBlocks = itemBlocks.subList(1, itemBlocks.size());
                    }
                    blocks(itemBlocks, li);
                }
            }
        }
    }

    private static void inlines(List<Inline> inlines, Element parent) {
        for (Inline inline : inlines) {
            if (inline instanceof Text t) {
                Element target = parent;
                if (t.link() != null) {
                    target = target.appendElement("a").attr("href", t.link()).attr("rel", "nofollow noopener noreferrer");
                }
                if (t.bold()) {
                    target = target.appendElement("strong");
                }
                if (t.italic()) {
                    target = target.appendElement("em");
                }
                target.appendText(t.text());
            } else if (inline instanceof Code c) {
                Element target = parent;
                if (c.link() != null) {
                    target = target.appendElement("a").attr("href", c.link()).attr("rel", "nofollow noopener noreferrer");
                }
                target.appendElement("code").appendText(c.text());
            } else {
                parent.appendElement("br");
            }
        }
    }
}
