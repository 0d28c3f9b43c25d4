package io.retrobridge.mapping.text;

import io.retrobridge.mapping.text.RichText.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads canonical text into a {@link RichText} with commonmark. Raw HTML and indented code are not part
 * of canonical text, so they are read as the literal text they are.
 */
final class CanonicalReader {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(org.commonmark.node.Heading.class, FencedCodeBlock.class,
                    ThematicBreak.class, BlockQuote.class, ListBlock.class))
            .maxOpenBlockParsers(Nesting.MAX_DEPTH * 2)
            .maxInlineNesting(Nesting.MAX_DEPTH)
            .build();

    private CanonicalReader() {
    }

    static RichText read(String canonical) {
        if (canonical == null || canonical.isBlank()) {
            return new RichText(List.of());
        }
        return new RichText(blocks(PARSER.parse(canonical), 0));
    }

    private static List<Block> blocks(Node parent, int depth) {
        List<Block> blocks = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (depth >= Nesting.MAX_DEPTH && (node instanceof ListBlock || node instanceof BlockQuote)) {
                blocks.addAll(flatten(node));
            } else {
                block(node, depth, blocks);
            }
        }
        return blocks;
    }

    private static void block(Node node, int depth, List<Block> out) {
        if (node instanceof Paragraph) {
            out.add(new RichText.Paragraph(inlines(node)));
        } else if (node instanceof Heading heading) {
            out.add(new RichText.Heading(heading.getLevel(), inlines(node)));
        } else if (node instanceof ListBlock list) {
            List<RichText.ListItem> items = new ArrayList<>();
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                items.add(new RichText.ListItem(blocks(item, depth + 1)));
            }
            boolean ordered = list instanceof OrderedList;
            int start = ordered ? startOf((OrderedList) list) : 1;
            out.add(new RichText.ListBlock(ordered, start, items));
        } else if (node instanceof FencedCodeBlock fenced) {
            String info = fenced.getInfo() == null ? "" : fenced.getInfo().strip();
            String language = info.isEmpty() ? "" : info.split("\\s+")[0];
            out.add(new RichText.CodeBlock(language, withoutFinalNewline(fenced.getLiteral())));
        } else if (node instanceof IndentedCodeBlock indented) {
            out.add(new RichText.CodeBlock("", withoutFinalNewline(indented.getLiteral())));
        } else if (node instanceof ThematicBreak) {
            out.add(new RichText.Rule());
        } else if (node instanceof BlockQuote) {
            out.addAll(blocks(node, depth + 1));
        } else if (node instanceof HtmlBlock html) {
            InlineRuns runs = new InlineRuns();
            runs.plain(withoutFinalNewline(html.getLiteral()));
            out.add(new RichText.Paragraph(runs.build()));
        } else if (!(node instanceof LinkReferenceDefinition)) {
            out.addAll(flatten(node));
        }
    }

    private static int startOf(OrderedList list) {
        Integer start = list.getMarkerStartNumber();
        return start == null ? 1 : start;
    }

    /** Walks a too-deep or unknown subtree without recursion, keeping each paragraph's text. */
    private static List<Block> flatten(Node root) {
        List<Block> blocks = new ArrayList<>();
        Node node = root;
        while (node != null) {
            boolean leaf = node instanceof Paragraph || node instanceof Heading || node instanceof FencedCodeBlock
                    || node instanceof IndentedCodeBlock || node instanceof HtmlBlock || node instanceof ThematicBreak;
            if (leaf) {
                block(node, Nesting.MAX_DEPTH, blocks);
            }
            if (!leaf && node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != null && node != root && node.getNext() == null) {
                node = node.getParent();
            }
            node = (node == null || node == root) ? null : node.getNext();
        }
        return blocks;
    }

    private static List<RichText.Inline> inlines(Node parent) {
        InlineRuns runs = new InlineRuns();
        inlines(parent, false, false, null, runs);
        return runs.build();
    }

    private static void inlines(Node parent, boolean bold, boolean italic, String link, InlineRuns runs) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text text) {
                runs.text(text.getLiteral(), bold, italic, link);
            } else if (node instanceof Code code) {
                runs.code(code.getLiteral(), link);
            } else if (node instanceof Emphasis) {
                inlines(node, bold, true, link, runs);
            } else if (node instanceof StrongEmphasis) {
                inlines(node, true, italic, link, runs);
            } else if (node instanceof Link l) {
                inlines(node, bold, italic, link != null ? link : l.getDestination(), runs);
            } else if (node instanceof Image image) {
                // Images are not canonical; keep the description, linked to the picture.
                inlines(node, bold, italic, link != null ? link : image.getDestination(), runs);
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                runs.lineBreak();
            } else if (node instanceof HtmlInline html) {
                runs.text(html.getLiteral(), bold, italic, link);
            } else {
                inlines(node, bold, italic, link, runs);
            }
        }
    }

    private static String withoutFinalNewline(String text) {
        if (text == null) {
            return "";
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
