package io.retrobridge.mapping.text;

import io.retrobridge.mapping.text.RichText.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Jira Server/Data Center wiki markup. Blocks are read line by line (headings, lists, code and
 * noformat sections, rules, tables as text); inline markup by {@link WikiInlineReader}. Macros canonical
 * text cannot express ({color}, {panel}, {quote}) lose their tags and keep their words.
 */
final class WikiReader {

    private static final Pattern HEADING = Pattern.compile("^h([1-6])\\.\\s*(.*)$");
    private static final Pattern LIST_LINE = Pattern.compile("^([*#]+|-)\\s+(.*)$");
    private static final Pattern CODE_OPEN = Pattern.compile("^\\{(code|noformat)(?::([^}]*))?}(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^-{4,}$");
    private static final Pattern QUOTE_LINE = Pattern.compile("^bq\\.\\s*(.*)$");

    private WikiReader() {
    }

    static RichText read(String wiki) {
        List<Block> blocks = new ArrayList<>();
        if (wiki == null || wiki.isBlank()) {
            return new RichText(blocks);
        }
        String[] lines = wiki.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> paragraph = new ArrayList<>();
        ListAssembler lists = new ListAssembler();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].strip();
            Matcher code = CODE_OPEN.matcher(line);
            Matcher heading = HEADING.matcher(line);
            Matcher listLine = LIST_LINE.matcher(line);
            Matcher quote = QUOTE_LINE.matcher(line);
            boolean isList = listLine.matches() && !RULE.matcher(line).matches();
            if (!isList) {
                blocks.addAll(lists.build());
            }
            if (line.isEmpty()) {
                flushParagraph(paragraph, blocks);
                i++;
            } else if (code.matches()) {
                flushParagraph(paragraph, blocks);
                i = codeBlock(lines, i, code, blocks);
            } else if (heading.matches()) {
                flushParagraph(paragraph, blocks);
                blocks.add(new RichText.Heading(Integer.parseInt(heading.group(1)),
                        WikiInlineReader.read(heading.group(2)).build()));
                i++;
            } else if (RULE.matcher(line).matches()) {
                flushParagraph(paragraph, blocks);
                blocks.add(new RichText.Rule());
                i++;
            } else if (isList) {
                flushParagraph(paragraph, blocks);
                String markers = listLine.group(1);
                boolean ordered = markers.endsWith("#");
                lists.add(markers.length() - 1, ordered, 1, WikiInlineReader.read(listLine.group(2)).buildTrimmed());
                i++;
            } else if (line.startsWith("|")) {
                flushParagraph(paragraph, blocks);
                blocks.add(tableRow(line));
                i++;
            } else {
                paragraph.add(quote.matches() ? quote.group(1) : line);
                i++;
            }
        }
        blocks.addAll(lists.build());
        flushParagraph(paragraph, blocks);
        return new RichText(blocks);
    }

    private static void flushParagraph(List<String> lines, List<Block> blocks) {
        if (lines.isEmpty()) {
            return;
        }
        // A single newline in wiki markup is a visible line break.
        InlineRuns runs = WikiInlineReader.read(String.join("\n", lines));
        lines.clear();
        List<RichText.Inline> inlines = runs.buildTrimmed();
        if (!inlines.isEmpty()) {
            blocks.add(new RichText.Paragraph(inlines));
        }
    }

    private static int codeBlock(String[] lines, int start, Matcher open, List<Block> blocks) {
        String macro = open.group(1).toLowerCase(Locale.ROOT);
        String closing = "{" + macro + "}";
        String language = macro.equals("code") ? language(open.group(2)) : "";
        StringBuilder code = new StringBuilder();
        String rest = open.group(3);
        int i = start;
        while (true) {
            int end = rest.toLowerCase(Locale.ROOT).indexOf(closing);
            if (end >= 0) {
                code.append(rest, 0, end);
                String after = rest.substring(end + closing.length()).strip();
                blocks.add(new RichText.CodeBlock(language, trimNewlines(code.toString())));
                if (!after.isEmpty()) {
                    blocks.add(new RichText.Paragraph(WikiInlineReader.read(after).buildTrimmed()));
                }
                return i + 1;
            }
            code.append(rest);
            i++;
            if (i >= lines.length) {
                // Unclosed section: Jira shows the rest as code, and so do we.
                blocks.add(new RichText.CodeBlock(language, trimNewlines(code.toString())));
                return i;
            }
            code.append('\n');
            rest = lines[i];
        }
    }

    private static String trimNewlines(String code) {
        String result = code;
        while (result.startsWith("\n")) {
            result = result.substring(1);
        }
        while (result.endsWith("\n")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    /** {code:java}, {code:language=java} or {code:title=X|language=sql}; anything else has no language. */
    private static String language(String params) {
        if (params == null || params.isBlank()) {
            return "";
        }
        for (String param : params.split("\\|")) {
            String p = param.strip();
            if (!p.contains("=")) {
                return p;
            }
            if (p.toLowerCase(Locale.ROOT).startsWith("language=")) {
                return p.substring("language=".length()).strip();
            }
        }
        return "";
    }

    /** "||Owner||Due||" or "|Ada|Friday|" as one readable line. */
    private static Block tableRow(String line) {
        boolean header = line.startsWith("||");
        String[] cells = line.split("\\|\\|?");
        InlineRuns runs = new InlineRuns();
        boolean first = true;
        for (String cell : cells) {
            if (cell.isBlank()) {
                continue;
            }
            if (!first) {
                runs.plain(" | ");
            }
            first = false;
            String text = InlineRuns.plainText(WikiInlineReader.read(cell.strip()).build());
            runs.text(text, header, false, null);
        }
        return new RichText.Paragraph(runs.build());
    }
}
