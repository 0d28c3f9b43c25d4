package io.retrobridge.mapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.util.List;

/**
 * Writes a {@link RichText} as an ADF document (version 1) that Jira Cloud accepts: list items start
 * with a paragraph, code marks combine only with links, text nodes are never empty.
 */
final class AdfWriter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AdfWriter() {
    }

    static JsonNode write(RichText text) {
        ObjectNode doc = JSON.objectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (Block block : text.blocks()) {
            block(block, content, false);
        }
        return doc;
    }

    private static void block(Block block, ArrayNode out, boolean insideListItem) {
        if (block instanceof Paragraph p) {
            out.add(container("paragraph", p.inlines()));
        } else if (block instanceof Heading h) {
            if (insideListItem) {
                // Headings may not sit in a list item; keep the words as a paragraph.
                out.add(container("paragraph", h.inlines()));
            } else {
                ObjectNode heading = container("heading", h.inlines());
                heading.putObject("attrs").put("level", h.level());
                out.add(heading);
            }
        } else if (block instanceof CodeBlock c) {
            ObjectNode code = JSON.objectNode();
            code.put("type", "codeBlock");
            if (!c.language().isEmpty()) {
                code.putObject("attrs").put("language", c.language());
            }
            ArrayNode content = code.putArray("content");
            if (!c.code().isEmpty()) {
                content.addObject().put("type", "text").put("text", c.code());
            }
            out.add(code);
        } else if (block instanceof Rule) {
            if (insideListItem) {
                out.add(container("paragraph", List.of(new Text("---", false, false, null))));
            } else {
                out.addObject().put("type", "rule");
            }
        } else {
            list((ListBlock) block, out);
        }
    }

    private static void list(ListBlock list, ArrayNode out) {
        ObjectNode node = JSON.objectNode();
        node.put("type", list.ordered() ? "orderedList" : "bulletList");
        if (list.ordered()) {
            node.putObject("attrs").put("order", list.start());
        }
        ArrayNode items = node.putArray("content");
        for (ListItem item : list.items()) {
            ObjectNode listItem = items.addObject();
            listItem.put("type", "listItem");
            ArrayNode content = listItem.putArray("content");
            List<Block> blocks = item.blocks();
            if (blocks.isEmpty() || blocks.get(0) instanceof ListBlock) {
                // ADF wants a list item to open with a paragraph.
                content.add(container("paragraph", List.of()));
            }
            for (Block block : blocks) {
                block(block, content, true);
            }
        }
        out.add(node);
    }

    private static ObjectNode container(String type, List<Inline> inlines) {
        ObjectNode node = JSON.objectNode();
        node.put("type", type);
        ArrayNode content = node.putArray("content");
        for (Inline inline : inlines) {
            if (inline instanceof Text t) {
                ObjectNode text = content.addObject();
                text.put("type", "text").put("text", t.text());
                ArrayNode marks = JSON.arrayNode();
                if (t.bold()) {
                    marks.addObject().put("type", "strong");
                }
                if (t.italic()) {
                    marks.addObject().put("type", "em");
                }
                link(t.link(), marks);
                if (!marks.isEmpty()) {
                    text.set("marks", marks);
                }
            } else if (inline instanceof Code c) {
                ObjectNode text = content.addObject();
                text.put("type", "text").put("text", c.text());
                ArrayNode marks = text.putArray("marks");
                marks.addObject().put("type", "code");
                link(c.link(), marks);
            } else {
                content.addObject().put("type", "hardBreak");
            }
        }
        return node;
    }

    private static void link(String href, ArrayNode marks) {
        if (href != null) {
            ObjectNode link = marks.addObject();
            link.put("type", "link");
            link.putObject("attrs").put("href", href);
        }
    }
}
