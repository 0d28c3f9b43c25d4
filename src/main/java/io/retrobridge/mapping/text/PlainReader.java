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

    /** Builds nested lists from indented lines with a stack, so indentation depth cannot recurse. */
    private static List<Block> list(List<String> lines) {
        List<Block> result = new ArrayList<>();
        List<DraftList> stack = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LIST_LINE.matcher(line);
            m.matches();
            int wanted = Math.min(m.group(1).length() / 2, Nesting.MAX_DEPTH - 1);
            int level = Math.min(wanted, stack.size());
            boolean ordered = m.group(3) != null;
            while (stack.size() > level + 1) {
                stack.remove(stack.size() - 1);
            }
            if (stack.size() == level) {
                DraftList list = new DraftList(ordered, ordered ? Integer.parseInt(m.group(3)) : 1);
                if (level == 0) {
                    result.add(null); // placeholder, filled when the list is finished
                    list.resultIndex = result.size() - 1;
                } else {
                    stack.get(level - 1).lastItem().children.add(list);
                }
                stack.add(list);
            }
            stack.get(level).items.add(new DraftItem(m.group(4).strip()));
            if (level == 0) {
                DraftList top = stack.get(0);
                result.set(top.resultIndex, top.toBlock());
            }
        }
        if (!stack.isEmpty()) {
            result.set(stack.get(0).resultIndex, stack.get(0).toBlock());
        }
        return result;
    }

    private static final class DraftList {
        final boolean ordered;
        final int start;
        final List<DraftItem> items = new ArrayList<>();
        int resultIndex;

        DraftList(boolean ordered, int start) {
            this.ordered = ordered;
            this.start = start;
        }

        DraftItem lastItem() {
            return items.get(items.size() - 1);
        }

        RichText.ListBlock toBlock() {
            List<RichText.ListItem> built = new ArrayList<>();
            for (DraftItem item : items) {
                InlineRuns runs = new InlineRuns();
                runs.plain(item.text);
                List<Block> blocks = new ArrayList<>();
                blocks.add(new RichText.Paragraph(runs.build()));
                for (DraftList child : item.children) {
                    blocks.add(child.toBlock());
                }
                built.add(new RichText.ListItem(blocks));
            }
            return new RichText.ListBlock(ordered, start, built);
        }
    }

    private static final class DraftItem {
        final String text;
        final List<DraftList> children = new ArrayList<>();

        DraftItem(String text) {
            this.text = text;
        }
    }
}
