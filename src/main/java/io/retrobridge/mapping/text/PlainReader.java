package io.retrobridge.mapping.text;

import io.retrobridge.mapping.text.RichText.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain text: blank lines separate paragraphs, every other line break is kept, and a run of lines
 * that all look like "- item" or "1. item" becomes a list (two spaces of indent per level). Characters
 * are taken literally; nothing in plain text is markup.
 */
final class PlainReader {

    private static final Pattern LIST_LINE = Pattern.compile("^( *)(?:([-*•])|(\\d{1,9})[.)])[ \\t]+(\\S.*)$");

    private PlainReader() {
    }

    static RichText read(String plain) {
        List<Block> blocks = new ArrayList<>();
        if (plain == null) {
            return new RichText(blocks);
        }
        List<String> chunk = new ArrayList<>();
        for (String line : plain.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (line.isBlank()) {
                addChunk(chunk, blocks);
                chunk = new ArrayList<>();
            } else {
                chunk.add(line.stripTrailing());
            }
        }
        addChunk(chunk, blocks);
        return new RichText(blocks);
    }

    private static void addChunk(List<String> lines, List<Block> blocks) {
        if (lines.isEmpty()) {
            return;
        }
        // Runs of list-looking lines become lists; the lines between them stay paragraphs with their breaks.
        int from = 0;
        while (from < lines.size()) {
            boolean listRun = LIST_LINE.matcher(lines.get(from)).matches();
            int to = from + 1;
            while (to < lines.size() && LIST_LINE.matcher(lines.get(to)).matches() == listRun) {
                to++;
            }
            if (listRun) {
                blocks.addAll(list(lines.subList(from, to)));
            } else {
                blocks.add(paragraph(lines.subList(from, to)));
            }
            from = to;
        }
    }

    private static Block paragraph(List<String> lines) {
        InlineRuns runs = new InlineRuns();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                runs.lineBreak();
            }
            runs.plain(lines.get(i).strip());
        }
        return new RichText.Paragraph(runs.build());
    }

    private static List<Block> list(List<String> lines) {
        ListAssembler lists = new ListAssembler();
        for (String line : lines) {
            Matcher m = LIST_LINE.matcher(line);
            m.matches();
            boolean ordered = m.group(3) != null;
            InlineRuns runs = new InlineRuns();
            runs.plain(m.group(4).strip());
            lists.add(m.group(1).length() / 2, ordered, ordered ? Integer.parseInt(m.group(3)) : 1, runs.build());
        }
        return lists.build();
    }
}
