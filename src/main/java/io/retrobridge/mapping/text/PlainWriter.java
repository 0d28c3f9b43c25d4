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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Writes a {@link RichText} as text a person reads comfortably in a plain field: "- " bullets, "text (url)" links. */
final class PlainWriter {

    private PlainWriter() {
    }

    static String write(RichText text) {
        return String.join("\n", blockLines(text.blocks(), true));
    }

    private static List<String> blockLines(List<Block> blocks, boolean blankBetween) {
        List<String> lines = new ArrayList<>();
        for (Block block : blocks) {
            List<String> own = lines(block);
            if (own.isEmpty()) {
                continue;
            }
            if (!lines.isEmpty() && blankBetween) {
                lines.add("");
            }
            lines.addAll(own);
        }
        return lines;
    }

    private static List<String> lines(Block block) {
        if (block instanceof Paragraph p) {
            String text = inlines(p.inlines());
            return text.isBlank() ? List.of() : List.of(text.split("\n", -1));
        }
        if (block instanceof Heading h) {
            return List.of(inlines(h.inlines()).replace('\n', ' '));
        }
        if (block instanceof CodeBlock c) {
            return c.code().isEmpty() ? List.of() : List.of(c.code().split("\n", -1));
        }
        if (block instanceof Rule) {
            return List.of("----");
        }
        ListBlock list = (ListBlock) block;
        List<String> lines = new ArrayList<>();
        int number = list.start();
        for (ListItem item : list.items()) {
            String marker = list.ordered() ? (number++) + ". " : "- ";
            List<String> itemLines = blockLines(item.blocks(), false);
            lines.add(marker + (itemLines.isEmpty() ? "" : itemLines.get(0)));
            for (String line : itemLines.subList(Math.min(1, itemLines.size()), itemLines.size())) {
                lines.add("  " + line);
            }
        }
        return lines;
    }

    static String inlines(List<Inline> inlines) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < inlines.size()) {
            String link = linkOf(inlines.get(i));
            int end = i + 1;
            while (end < inlines.size() && link != null && Objects.equals(link, linkOf(inlines.get(end)))) {
                end++;
            }
            String text = InlineRuns.plainText(inlines.subList(i, end));
            out.append(text);
            if (link != null && !text.strip().equals(link)) {
                out.append(" (").append(link).append(')');
            }
            i = end;
        }
        return out.toString();
    }

    private static String linkOf(Inline inline) {
        if (inline instanceof Text t) {
            return t.link();
        }
        return inline instanceof Code c ? c.link() : null;
    }
}
