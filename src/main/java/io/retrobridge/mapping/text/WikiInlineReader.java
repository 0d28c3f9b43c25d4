package io.retrobridge.mapping.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads wiki inline markup: *bold*, _italic_, {{code}}, [text|url] links, [~user] mentions, backslash
 * escapes and "\\" line breaks. A closing delimiter is only looked for within the same line and a
 * bounded distance, so hostile input stays linear.
 */
final class WikiInlineReader {

    private static final int MAX_SPAN = 500;
    private static final Pattern MACRO = Pattern.compile("\\{(color|panel|quote|anchor|span)(?::[^}]*)?}",
            Pattern.CASE_INSENSITIVE);

    private final String text;
    private final InlineRuns runs = new InlineRuns();

    private WikiInlineReader(String text) {
        this.text = text;
    }

    static InlineRuns read(String wiki) {
        WikiInlineReader reader = new WikiInlineReader(wiki);
        reader.parse(0, wiki.length(), false, false, null);
        return reader.runs;
    }

    private void parse(int from, int to, boolean bold, boolean italic, String link) {
        StringBuilder literal = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < to) {
                if (text.charAt(i + 1) == '\\') {
                    flush(literal, bold, italic, link);
                    runs.lineBreak();
                } else {
                    literal.append(text.charAt(i + 1));
                }
                i += 2;
                continue;
            }
            if (c == '\n') {
                flush(literal, bold, italic, link);
                runs.lineBreak();
                i++;
                continue;
            }
            if (c == '&' && text.startsWith("&#", i)) {
                int end = text.indexOf(';', i);
                if (end > i + 2 && end < i + 9 && end < to) {
                    try {
                        literal.appendCodePoint(Integer.parseInt(text.substring(i + 2, end)));
                        i = end + 1;
                        continue;
                    } catch (IllegalArgumentException notANumber) {
                        // not a character reference: the text stays as written
                    }
                }
            }
            if (c == '{' && text.startsWith("{{", i)) {
                int end = find("}}", i + 2, to);
                if (end > i + 2) {
                    flush(literal, bold, italic, link);
                    runs.code(unescape(text.substring(i + 2, end)), link);
                    i = end + 2;
                    continue;
                }
            }
            if (c == '{' && (text.startsWith("{*}", i) || text.startsWith("{_}", i))) {
                String token = text.substring(i, i + 3);
                boolean isBold = token.equals("{*}");
                int end = find(token, i + 3, to);
                if (end > i + 3 && !(isBold ? bold : italic)) {
                    flush(literal, bold, italic, link);
                    parse(i + 3, end, bold || isBold, italic || !isBold, link);
                    i = end + 3;
                    continue;
                }
            }
            if (c == '{') {
                Matcher macro = MACRO.matcher(text).region(i, to);
                if (macro.lookingAt()) {
                    i = macro.end();
                    continue;
                }
            }
            if (c == '[' && link == null) {
                int end = find("]", i + 1, to);
                if (end > i + 1) {
                    flush(literal, bold, italic, link);
                    link(i + 1, end, bold, italic);
                    i = end + 1;
                    continue;
                }
            }
            if ((c == '*' && !bold) || (c == '_' && !italic)) {
                int end = closing(c, i, to);
                if (end > 0) {
                    flush(literal, bold, italic, link);
                    parse(i + 1, end, bold || c == '*', italic || c == '_', link);
                    i = end + 1;
                    continue;
                }
            }
            literal.append(c);
            i++;
        }
        flush(literal, bold, italic, link);
    }

    private void link(int from, int to, boolean bold, boolean italic) {
        String inside = text.substring(from, to);
        if (inside.startsWith("~")) {
            runs.text("@" + inside.substring(1), bold, italic, null);
            return;
        }
        if (inside.startsWith("^")) {
            runs.text(inside.substring(1), bold, italic, null);
            return;
        }
        int bar = inside.lastIndexOf('|');
        String url = (bar >= 0 ? inside.substring(bar + 1) : inside).strip();
        String target = SafeLinks.safe(url).orElse(null);
        if (bar >= 0) {
            parse(from, from + bar, bold, italic, target == null ? null : target);
        } else {
            runs.text(unescape(inside), bold, italic, target);
        }
    }

    /** Index of the closing delimiter of a *bold* or _italic_ span opened at {@code open}, or -1. */
    private int closing(char delimiter, int open, int to) {
        boolean opens = (open == 0 || !Character.isLetterOrDigit(text.charAt(open - 1)))
                && open + 1 < to && !Character.isWhitespace(text.charAt(open + 1)) && text.charAt(open + 1) != delimiter;
        if (!opens) {
            return -1;
        }
        int limit = Math.min(to, open + MAX_SPAN);
        for (int i = open + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == '\\') {
                i++;
                continue;
            }
            if (i > open + 1 && c == delimiter && !Character.isWhitespace(text.charAt(i - 1))
                    && (i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
                return i;
            }
        }
        return -1;
    }

    private int find(String token, int from, int to) {
        int limit = Math.min(to, from + MAX_SPAN);
        for (int i = from; i + token.length() <= limit; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == '\\') {
                i++;
                continue;
            }
            if (text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private void flush(StringBuilder literal, boolean bold, boolean italic, String link) {
        runs.text(literal.toString(), bold, italic, link);
        literal.setLength(0);
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                out.append(s.charAt(++i));
            } else if (c == '&' && s.startsWith("&#", i) && s.indexOf(';', i) > i + 2 && s.indexOf(';', i) < i + 9) {
                int end = s.indexOf(';', i);
                try {
                    out.appendCodePoint(Integer.parseInt(s.substring(i + 2, end)));
                    i = end;
                } catch (IllegalArgumentException notANumber) {
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

}
