package io.retrobridge.mapping.text;

import io.retrobridge.mapping.text.RichText.Block;
import io.retrobridge.mapping.text.RichText.Code;
import io.retrobridge.mapping.text.RichText.CodeBlock;
import io.retrobridge.mapping.text.RichText.Heading;
import io.retrobridge.mapping.text.RichText.Inline;
import io.retrobridge.mapping.text.RichText.LineBreak;
import io.retrobridge.mapping.text.RichText.ListBlock;
import io.retrobridge.mapping.text.RichText.ListItem;
import io.retrobridge.mapping.text.RichText.Paragraph;
import io.retrobridge.mapping.text.RichText.Rule;
import io.retrobridge.mapping.text.RichText.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link RichText} as canonical text. Every character that Markdown would read as markup is
 * escaped, so text from another system stays text when the canonical form is read again.
 */
final class CanonicalWriter {

    private CanonicalWriter() {
    }

    static String write(RichText text) {
        return String.join("\n", blockLines(text.blocks(), false));
    }

    private static List<String> blockLines(List<Block> blocks, boolean insideItem) {
        List<String> lines = new ArrayList<>();
        Block previous = null;
        for (Block block : blocks) {
            List<String> own = lines(block);
            if (own.isEmpty()) {
                continue;
            }
            if (previous != null) {
                // In a list item, a sub-list follows its paragraph directly; elsewhere blocks stand apart.
                boolean tightChild = insideItem && block instanceof ListBlock list && previous instanceof Paragraph
                        && (!list.ordered() || list.start() == 1) && !list.items().isEmpty()
                        && !list.items().get(0).blocks().isEmpty();
                if (!tightChild) {
                    lines.add("");
                }
            }
            lines.addAll(own);
            previous = block;
        }
        return lines;
    }

    private static List<String> lines(Block block) {
        if (block instanceof Paragraph p) {
            String inline = inlines(p.inlines(), true);
            return inline.isEmpty() ? List.of() : List.of(inline.split("\n", -1));
        }
        if (block instanceof Heading h) {
            String inline = inlines(h.inlines(), false).replace('\n', ' ');
            return List.of(("#".repeat(h.level()) + " " + inline).stripTrailing());
        }
        if (block instanceof CodeBlock c) {
            return codeBlock(c);
        }
        if (block instanceof Rule) {
            return List.of("---");
        }
        return list((ListBlock) block);
    }

    private static List<String> codeBlock(CodeBlock code) {
        String fence = "`".repeat(Math.max(3, longestRun(code.code(), '`') + 1));
        String language = code.language().replace("`", "").replaceAll("\\s+", "-");
        List<String> lines = new ArrayList<>();
        lines.add(fence + language);
        if (!code.code().isEmpty()) {
            lines.addAll(List.of(code.code().split("\n", -1)));
        }
        lines.add(fence);
        return lines;
    }

    private static List<String> list(ListBlock list) {
        List<String> lines = new ArrayList<>();
        int number = list.start();
        for (ListItem item : list.items()) {
            String marker = list.ordered() ? (number++) + ". " : "- ";
            String indent = " ".repeat(marker.length());
            List<String> itemLines = blockLines(item.blocks(), true);
            if (itemLines.isEmpty()) {
                lines.add(marker.stripTrailing());
                continue;
            }
            lines.add(itemLines.get(0).isEmpty() ? marker.stripTrailing() : marker + itemLines.get(0));
            for (String line : itemLines.subList(1, itemLines.size())) {
                lines.add(line.isEmpty() ? "" : indent + line);
            }
        }
        return lines;
    }

    /** Inline runs as Markdown; line breaks become newlines, which canonical text reads back as breaks. */
    static String inlines(List<Inline> inlines, boolean escapeLineStarts) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < inlines.size()) {
            String link = linkOf(inlines.get(i));
            int end = i + 1;
            while (end < inlines.size() && link != null && Objects.equals(link, linkOf(inlines.get(end)))) {
                end++;
            }
            List<Inline> group = inlines.subList(i, end);
            if (link == null) {
                styled(group, out, escapeLineStarts, inlines, i);
            } else {
                out.append('[');
                StringBuilder label = new StringBuilder();
                styled(group, label, false, group, 0);
                out.append(label).append("](").append(destination(link)).append(')');
            }
            i = end;
        }
        return out.toString();
    }

    private static String linkOf(Inline inline) {
        if (inline instanceof Text t) {
            return t.link();
        }
        if (inline instanceof Code c) {
            return c.link();
        }
        return null;
    }

    /**
     * Writes runs that share one link (or none), opening bold over the longest bold stretch and italic
     * inside it, so delimiters never pile up into runs Markdown would read differently.
     */
    private static void styled(List<Inline> runs, StringBuilder out, boolean escapeLineStarts,
                               List<Inline> context, int offset) {
        int i = 0;
        while (i < runs.size()) {
            Inline run = runs.get(i);
            if (run instanceof Text t && (t.bold() || t.italic())) {
                int end = i + 1;
                while (end < runs.size() && runs.get(end) instanceof Text next
                        && (t.bold() ? next.bold() : (!next.bold() && next.italic()))) {
                    end++;
                }
                List<Text> stretch = new ArrayList<>();
                for (Inline r : runs.subList(i, end)) {
                    stretch.add((Text) r);
                }
                char before = lastChar(context, offset + i - 1);
                char after = firstChar(context, offset + end);
                if (t.bold()) {
                    wrap(out, stretch, "**", before, after, escapeLineStarts, true);
                } else {
                    wrap(out, stretch, italicDelimiter(before, after), before, after, escapeLineStarts, false);
                }
                i = end;
            } else if (run instanceof Text t) {
                out.append(escape(t.text(), escapeLineStarts && atLineStart(out)));
                i++;
            } else if (run instanceof Code c) {
                out.append(code(c.text()));
                i++;
            } else {
                out.append('\n');
                i++;
            }
        }
    }

    private static void wrap(StringBuilder out, List<Text> stretch, String delimiter, char before, char after,
                             boolean escapeLineStarts, boolean bold) {
        StringBuilder inner = new StringBuilder();
        if (bold) {
            List<Inline> asInlines = new ArrayList<>();
            for (Text t : stretch) {
                asInlines.add(new Text(t.text(), false, t.italic(), null));
            }
            styled(asInlines, inner, false, asInlines, 0);
        } else {
            for (Text t : stretch) {
                inner.append(escape(t.text(), false));
            }
        }
        // Markdown emphasis cannot start or end on a space, so spaces at the edges go outside the delimiters.
        String content = inner.toString();
        String stripped = content.strip();
        if (stripped.isEmpty()) {
            out.append(content);
            return;
        }
        int lead = content.indexOf(stripped);
        String leading = content.substring(0, lead);
        String trailing = content.substring(lead + stripped.length());
        out.append(leading).append(delimiter).append(stripped).append(delimiter).append(trailing);
    }

    /** Underscore reads best, but cannot open or close inside a word, where an asterisk can. */
    private static String italicDelimiter(char before, char after) {
        return Character.isLetterOrDigit(before) || Character.isLetterOrDigit(after) ? "*" : "_";
    }

    private static char lastChar(List<Inline> runs, int index) {
        if (index < 0 || index >= runs.size()) {
            return ' ';
        }
        String text = runs.get(index) instanceof Text t ? t.text() : runs.get(index) instanceof Code ? "`" : " ";
        return text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
    }

    private static char firstChar(List<Inline> runs, int index) {
        if (index < 0 || index >= runs.size()) {
            return ' ';
        }
        String text = runs.get(index) instanceof Text t ? t.text() : runs.get(index) instanceof Code ? "`" : " ";
        return text.isEmpty() ? ' ' : text.charAt(0);
    }

    private static boolean atLineStart(StringBuilder out) {
        return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    static String code(String text) {
        String fence = "`".repeat(longestRun(text, '`') + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`")
                || (text.startsWith(" ") && text.endsWith(" ") && !text.isBlank());
        return pad ? fence + " " + text + " " + fence : fence + text + fence;
    }

    private static String destination(String url) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '(' || c == ')' || c == '\\') {
                out.append('\\').append(c);
            } else if (c <= ' ' || c == '<' || c == '>' || c == 0x7f) {
                out.append(String.format("%%%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Backslash-escapes Markdown punctuation; line-start markers only where a line starts. */
    static String escape(String text, boolean atLineStart) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean lineStart = atLineStart;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lineStart && (c == ' ' || c == '\t')) {
                // Markdown ignores indentation at a line start, and four spaces would start a code block.
                continue;
            }
            if (lineStart) {
                if ("#>-+=~|".indexOf(c) >= 0) {
                    out.append('\\');
                } else if (Character.isDigit(c)) {
                    int j = i;
                    while (j < text.length() && Character.isDigit(text.charAt(j))) {
                        j++;
                    }
                    if (j < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ')')) {
                        out.append(text, i, j).append('\\').append(text.charAt(j));
                        i = j;
                        lineStart = false;
                        continue;
                    }
                }
            }
            if ("\\`*_[]<".indexOf(c) >= 0) {
                out.append('\\');
            } else if (c == '&' && i + 1 < text.length()
                    && (Character.isLetterOrDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '#')) {
                out.append('\\');
            }
            out.append(c);
            lineStart = c == '\n';
        }
        return out.toString();
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            current = text.charAt(i) == c ? current + 1 : 0;
            longest = Math.max(longest, current);
        }
        return longest;
    }
}
