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

/**
 * Writes a {@link RichText} as Jira wiki markup, escaping the characters wiki markup would act on.
 * Wiki lists cannot start at a chosen number or hold several paragraphs per item; such items keep their
 * words on forced line breaks.
 */
final class WikiWriter {

    private WikiWriter() {
    }

    static String write(RichText text) {
        List<String> lines = new ArrayList<>();
        for (Block block : text.blocks()) {
            List<String> own = lines(block);
            if (own.isEmpty()) {
                continue;
            }
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(own);
        }
        return String.join("\n", lines);
    }

    private static List<String> lines(Block block) {
        if (block instanceof Paragraph p) {
            String inline = inlines(p.inlines(), "\n");
            return inline.isEmpty() ? List.of() : List.of(inline.split("\n", -1));
        }
        if (block instanceof Heading h) {
            return List.of("h" + h.level() + ". " + inlines(h.inlines(), " "));
        }
        if (block instanceof CodeBlock c) {
            boolean noformat = c.language().isEmpty() || c.code().toLowerCase(java.util.Locale.ROOT).contains("{code}");
            String open = noformat ? "{noformat}" : "{code:" + c.language().replaceAll("[^A-Za-z0-9_+#.-]", "") + "}";
            String close = noformat ? "{noformat}" : "{code}";
            // A literal closing tag inside the code would end the section early; a zero-width space defuses it.
            String code = c.code().replace(close, close.replace("}", "\u200b}"));
            List<String> lines = new ArrayList<>();
            lines.add(open);
            lines.addAll(List.of(code.split("\n", -1)));
            lines.add(close);
            return lines;
        }
        if (block instanceof Rule) {
            return List.of("----");
        }
        List<String> lines = new ArrayList<>();
        list((ListBlock) block, "", lines);
        return lines;
    }

    private static void list(ListBlock list, String prefix, List<String> out) {
        String markers = prefix + (list.ordered() ? "#" : "*");
        for (ListItem item : list.items()) {
            List<String> words = new ArrayList<>();
            List<ListBlock> children = new ArrayList<>();
            for (Block block : item.blocks()) {
                if (block instanceof ListBlock child) {
                    children.add(child);
                } else {
                    words.add(String.join(" \\\\ ", lines(block)));
                }
            }
            out.add(markers + " " + String.join(" \\\\ ", words));
            for (ListBlock child : children) {
                list(child, markers, out);
            }
        }
    }

    /** Inline runs as wiki markup; {@code lineBreak} is what a line break becomes ("\n", or " " in headings). */
    private static String inlines(List<Inline> inlines, String lineBreak) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < inlines.size()) {
            Inline inline = inlines.get(i);
            String link = inline instanceof Text t ? t.link() : inline instanceof Code c ? c.link() : null;
            int end = i + 1;
            while (end < inlines.size() && Objects.equals(link, linkOf(inlines.get(end)))) {
                end++;
            }
            if (link != null) {
                String label = styled(inlines.subList(i, end), lineBreak);
                out.append('[').append(label).append('|').append(link.replace("]", "%5D").replace("|", "%7C")).append(']');
            } else {
                out.append(styled(inlines.subList(i, end), lineBreak));
            }
            i = end;
        }
        String result = out.toString();
        return escapeLineStarts(result);
    }

    private static String linkOf(Inline inline) {
        return inline instanceof Text t ? t.link() : inline instanceof Code c ? c.link() : null;
    }

    private static String styled(List<Inline> runs, String lineBreak) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            Inline run = runs.get(i);
            if (run instanceof Text t) {
                String text = escape(t.text());
                String stripped = text.strip();
                if ((t.bold() || t.italic()) && !stripped.isEmpty()) {
                    int lead = text.indexOf(stripped);
                    String trail = text.substring(lead + stripped.length());
                    char before = lead > 0 ? ' ' : out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
                    char after = !trail.isEmpty() ? ' ' : firstChar(runs, i + 1);
                    // Plain *bold* needs a word boundary on both sides; {*}bold{*} works inside a word.
                    boolean inWord = Character.isLetterOrDigit(before) || Character.isLetterOrDigit(after);
                    String b = t.bold() ? (inWord ? "{*}" : "*") : "";
                    String it = t.italic() ? (inWord ? "{_}" : "_") : "";
                    out.append(text, 0, lead).append(b).append(it).append(stripped).append(it).append(b).append(trail);
                } else {
                    out.append(text);
                }
            } else if (run instanceof Code c) {
                out.append("{{").append(escape(c.text())).append("}}");
            } else {
                out.append(lineBreak);
            }
        }
        return out.toString();
    }

    private static char firstChar(List<Inline> runs, int index) {
        if (index >= runs.size() || !(runs.get(index) instanceof Text t) || t.text().isEmpty()) {
            return ' ';
        }
        return t.text().charAt(0);
    }

    /** Wiki markup acts on these anywhere in a line; a backslash in front makes them plain characters. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("&#92;");
            } else if (c == '&' && i + 1 < text.length() && text.charAt(i + 1) == '#') {
                out.append("&#38;");
            } else {
                if ("*_{}[]|!^~+?-".indexOf(c) >= 0) {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Lines that would read as headings, quotes or tables get their first character escaped. */
    private static String escapeLineStarts(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripLeading();
            if (line.matches("^(h[1-6]|bq)\\..*") || line.startsWith("#")) {
                line = "\\" + line;
            }
            lines[i] = line;
        }
        return String.join("\n", lines);
    }
}
