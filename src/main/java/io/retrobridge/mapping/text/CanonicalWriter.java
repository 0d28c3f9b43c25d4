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

    /**
     * Canonical text for a document. Where Markdown cannot say exactly what the document says (rare
     * style and punctuation mixes), the text is settled: written, read back, and written again until it
     * reads as itself, so converting it once more never changes it.
     */
    static String write(RichText document) {
        RichText current = document;
        String text = render(current);
        for (int attempt = 0; attempt < 3; attempt++) {
            RichText reread = CanonicalReader.read(text);
            if (reread.equals(current)) {
                return text;
            }
            String again = render(reread);
            if (again.equals(text)) {
                return text;
            }
            current = reread;
            text = again;
        }
        return text;
    }

    private static String render(RichText text) {
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
            List<String> lines = new ArrayList<>();
            for (String line : inline.split("\n", -1)) {
                // Markdown drops spaces at either end of a line; writing them would only hide the text's real form.
                lines.add(line.strip());
            }
            return inline.isBlank() ? List.of() : lines;
        }
        if (block instanceof Heading h) {
            String inline = inlines(h.inlines(), false).replace('\n', ' ').stripTrailing();
            if (inline.endsWith("#")) {
                // A heading's trailing #s would be read as its closing sequence and dropped.
                inline = inline.substring(0, inline.length() - 1) + "\\#";
            }
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
            while (end < inlines.size() && Objects.equals(link, linkOf(inlines.get(end)))) {
                end++;
            }
            List<Inline> group = inlines.subList(i, end);
            if (link == null) {
                styled(group, out, escapeLineStarts, lastChar(inlines, i - 1), firstChar(inlines, end));
            } else {
                escapeImageMarker(out);
                out.append('[');
                StringBuilder label = new StringBuilder();
                styled(group, label, false, '[', ']');
                out.append(label).append("](").append(destination(link)).append(')');
            }
            i = end;
        }
        return out.toString();
    }

    /** A "!" right before a link would turn it into an image. */
    private static void escapeImageMarker(StringBuilder out) {
        int end = out.length() - 1;
        if (end < 0 || out.charAt(end) != '!') {
            return;
        }
        int backslashes = 0;
        for (int i = end - 1; i >= 0 && out.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        if (backslashes % 2 == 0) {
            out.insert(end, '\\');
        }
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
    private static void styled(List<Inline> original, StringBuilder out, boolean escapeLineStarts,
                               char outerBefore, char outerAfter) {
        List<Inline> runs = expressible(original, outerBefore, outerAfter);
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
                char before = edgeBefore(runs, i, outerBefore, t);
                char after = edgeAfter(runs, end, outerAfter, t);
                if (t.bold()) {
                    wrap(out, stretch, "**", before, after, escapeLineStarts, true);
                } else {
                    wrap(out, stretch, null, before, after, escapeLineStarts, false);
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

    /** {@code delimiter} null means italic, whose delimiter depends on the neighbouring characters. */
    private static void wrap(StringBuilder out, List<Text> stretch, String delimiter, char before, char after,
                             boolean escapeLineStarts, boolean bold) {
        StringBuilder inner = new StringBuilder();
        if (bold) {
            List<Inline> asInlines = new ArrayList<>();
            for (Text t : stretch) {
                asInlines.add(new Text(t.text(), false, t.italic(), null));
            }
            styled(asInlines, inner, false, '*', '*');
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
        char outsideBefore = leading.isEmpty() ? before : ' ';
        char outsideAfter = trailing.isEmpty() ? after : ' ';
        if (!canEmphasize(outsideBefore, stripped, outsideAfter)
                || (delimiter == null && !italicFits(outsideBefore, outsideAfter))) {
            // Punctuation at the edge of a span that touches a word cannot be emphasised in Markdown;
            // keep the words without the style rather than leave stray delimiters in the text.
            List<Inline> unstyled = new ArrayList<>();
            for (Text t : stretch) {
                unstyled.add(new Text(t.text(), false, bold && t.italic(), null));
            }
            styled(unstyled, out, escapeLineStarts, before, after);
            return;
        }
        String mark = delimiter != null ? delimiter : italicDelimiter(outsideBefore, outsideAfter);
        out.append(leading).append(mark).append(stripped).append(mark).append(trailing);
    }

    /**
     * Drops bold, then italic, from stretches Markdown cannot emphasise (punctuation at an edge that
     * touches a word), deciding on the document alone so the same document always gives the same text.
     */
    private static List<Inline> expressible(List<Inline> runs, char outerBefore, char outerAfter) {
        List<Inline> result = new ArrayList<>(runs);
        for (int pass = 0; pass < 2; pass++) {
            boolean boldPass = pass == 0;
            int i = 0;
            while (i < result.size()) {
                if (!(result.get(i) instanceof Text t) || !(boldPass ? t.bold() : t.italic())) {
                    i++;
                    continue;
                }
                int end = i + 1;
                while (end < result.size() && result.get(end) instanceof Text n
                        && (boldPass ? n.bold() : n.italic() && n.bold() == t.bold())) {
                    end++;
                }
                StringBuilder text = new StringBuilder();
                for (Inline r : result.subList(i, end)) {
                    text.append(((Text) r).text());
                }
                String content = text.toString();
                String stripped = content.strip();
                if (!stripped.isEmpty()) {
                    boolean startsWithItalic = boldPass && italicAt(result, i, end, content.indexOf(stripped));
                    boolean endsWithItalic = boldPass
                            && italicAt(result, i, end, content.indexOf(stripped) + stripped.length() - 1);
                    char before = content.startsWith(stripped) ? edgeBefore(result, i, outerBefore, t) : ' ';
                    char after = content.endsWith(stripped) ? edgeAfter(result, end, outerAfter, t) : ' ';
                    char first = startsWithItalic ? '_' : stripped.charAt(0);
                    char last = endsWithItalic ? '_' : stripped.charAt(stripped.length() - 1);
                    boolean ok = canEmphasize(before, String.valueOf(first) + last, after)
                            && (boldPass || italicFits(before, after));
                    if (!ok) {
                        for (int k = i; k < end; k++) {
                            Text r = (Text) result.get(k);
                            result.set(k, new Text(r.text(), !boldPass && r.bold(), boldPass && r.italic(), r.link()));
                        }
                    }
                }
                i = end;
            }
        }
        // Runs that lost a style may now match a neighbour; merged, they escape as the one text they are.
        List<Inline> merged = new ArrayList<>();
        for (Inline inline : result) {
            if (inline instanceof Text t && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Text last
                    && last.bold() == t.bold() && last.italic() == t.italic() && Objects.equals(last.link(), t.link())) {
                merged.set(merged.size() - 1, new Text(last.text() + t.text(), t.bold(), t.italic(), t.link()));
            } else {
                merged.add(inline);
            }
        }
        return merged;
    }

    private static boolean italicAt(List<Inline> runs, int from, int to, int offset) {
        int seen = 0;
        for (Inline r : runs.subList(from, to)) {
            Text t = (Text) r;
            if (offset < seen + t.text().length()) {
                return t.italic();
            }
            seen += t.text().length();
        }
        return false;
    }

    /** The character Markdown sees before a stretch: an inner italic sits right after the bold delimiter. */
    private static char edgeBefore(List<Inline> runs, int index, char outer, Text stretchStart) {
        if (index == 0) {
            return outer;
        }
        if (!stretchStart.bold() && runs.get(index - 1) instanceof Text p && p.bold()) {
            return '*';
        }
        return runs.get(index - 1) instanceof Text p && (p.bold() || p.italic()) ? '*' : lastChar(runs, index - 1);
    }

    private static char edgeAfter(List<Inline> runs, int index, char outer, Text stretchStart) {
        if (index >= runs.size()) {
            return outer;
        }
        return runs.get(index) instanceof Text n && (n.bold() || n.italic()) ? '*' : firstChar(runs, index);
    }

    /**
     * Italic inside a word needs "*", which would fuse with the "**" or "*" of a styled neighbour into
     * one delimiter run; that combination cannot be written.
     */
    private static boolean italicFits(char before, char after) {
        boolean inWord = Character.isLetterOrDigit(before) || Character.isLetterOrDigit(after);
        return !(inWord && (before == '*' || after == '*'));
    }

    /** CommonMark's flanking rules for a delimiter pair around {@code content} between two characters. */
    private static boolean canEmphasize(char before, String content, char after) {
        char first = content.charAt(0);
        char last = content.charAt(content.length() - 1);
        boolean opens = !isPunctuation(first) || !Character.isLetterOrDigit(before);
        boolean closes = !isPunctuation(last) || !Character.isLetterOrDigit(after);
        return opens && closes;
    }

    private static boolean isPunctuation(char c) {
        return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
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

    /** True when only indentation, which Markdown ignores, stands between here and the line start. */
    private static boolean atLineStart(StringBuilder out) {
        for (int i = out.length() - 1; i >= 0; i--) {
            char c = out.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
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
                // "&amp;" would be read as an entity. Runs of different styles always have a delimiter
                // between them, so an entity cannot form across runs.
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
