package io.retrobridge.mapping.text;

import java.util.List;

/**
 * The format-neutral document every converter reads into and writes from. Inline text is flat (styles
 * are flags on each run, as in ADF), which makes conversions between tree-shaped markup and mark-based
 * ADF a matter of grouping runs.
 */
public record RichText(List<Block> blocks) {

    public RichText {
        blocks = List.copyOf(blocks);
    }

    public sealed interface Block permits Paragraph, Heading, ListBlock, CodeBlock, Rule {
    }

    public record Paragraph(List<Inline> inlines) implements Block {
        public Paragraph {
            inlines = List.copyOf(inlines);
        }
    }

    public record Heading(int level, List<Inline> inlines) implements Block {
        public Heading {
            level = Math.max(1, Math.min(6, level));
            inlines = List.copyOf(inlines);
        }
    }

    /** {@code start} is the first number of an ordered list; bullet lists ignore it. */
    public record ListBlock(boolean ordered, int start, List<ListItem> items) implements Block {
        public ListBlock {
            start = Math.max(0, start);
            items = List.copyOf(items);
        }
    }

    public record ListItem(List<Block> blocks) {
        public ListItem {
            blocks = List.copyOf(blocks);
        }
    }

    /** {@code language} is empty when none was given. */
    public record CodeBlock(String language, String code) implements Block {
        public CodeBlock {
            language = language == null ? "" : language.strip();
            code = code == null ? "" : code;
        }
    }

    public record Rule() implements Block {
    }

    public sealed interface Inline permits Text, Code, LineBreak {
    }

    /** {@code link} is null when the run is not a link; it is always a URL that passed {@link SafeLinks}. */
    public record Text(String text, boolean bold, boolean italic, String link) implements Inline {
    }

    public record Code(String text, String link) implements Inline {
    }

    public record LineBreak() implements Inline {
    }
}
