package io.retrobridge.mapping.text;

import io.retrobridge.mapping.text.RichText.Block;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a run of list lines, each with a nesting level, into nested lists. Works with a stack, and caps
 * the level at {@link Nesting#MAX_DEPTH}, so hostile indentation cannot recurse deeply.
 */
final class ListAssembler {

    private final List<Draft> roots = new ArrayList<>();
    private final List<Draft> stack = new ArrayList<>();

    /** Adds one item; a level more than one deeper than the current list is treated as one deeper. */
    void add(int wantedLevel, boolean ordered, int start, List<RichText.Inline> inlines) {
        int level = Math.max(0, Math.min(Math.min(wantedLevel, Nesting.MAX_DEPTH - 1), stack.size()));
        while (stack.size() > level + 1) {
            stack.remove(stack.size() - 1);
        }
        if (stack.size() == level + 1 && stack.get(level).ordered != ordered) {
            // A different kind of list at the same level starts a new list.
            stack.remove(level);
        }
        if (stack.size() == level) {
            Draft list = new Draft(ordered, start);
            if (level == 0) {
                roots.add(list);
            } else {
                stack.get(level - 1).lastItem().children.add(list);
            }
            stack.add(list);
        }
        stack.get(level).items.add(new DraftItem(inlines));
    }

    boolean isEmpty() {
        return roots.isEmpty();
    }

    /** The lists built so far; the assembler is empty afterwards. */
    List<Block> build() {
        List<Block> blocks = new ArrayList<>();
        for (Draft root : roots) {
            blocks.add(root.toBlock());
        }
        roots.clear();
        stack.clear();
        return blocks;
    }

    private static final class Draft {
        final boolean ordered;
        final int start;
        final List<DraftItem> items = new ArrayList<>();

        Draft(boolean ordered, int start) {
            this.ordered = ordered;
            this.start = start;
        }

        DraftItem lastItem() {
            return items.get(items.size() - 1);
        }

        RichText.ListBlock toBlock() {
            List<RichText.ListItem> built = new ArrayList<>();
            for (DraftItem item : items) {
                List<Block> blocks = new ArrayList<>();
                blocks.add(new RichText.Paragraph(item.inlines));
                for (Draft child : item.children) {
                    blocks.add(child.toBlock());
                }
                built.add(new RichText.ListItem(blocks));
            }
            return new RichText.ListBlock(ordered, start, built);
        }
    }

    private static final class DraftItem {
        final List<RichText.Inline> inlines;
        final List<Draft> children = new ArrayList<>();

        DraftItem(List<RichText.Inline> inlines) {
            this.inlines = inlines;
        }
    }
}
