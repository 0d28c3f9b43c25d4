package io.retrobridge.mapping.text;

import io.retrobridge.mapping.text.RichText.Block;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates documents in the canonical subset: paragraphs with bold, italic, links, inline code and
 * line breaks, headings, nested lists and code blocks. Plain text deliberately carries Markdown
 * punctuation so escaping is exercised.
 */
final class CanonicalDocuments {

    private CanonicalDocuments() {
    }

    static Arbitrary<RichText> documents() {
        return blocks(2).list().ofMinSize(1).ofMaxSize(5)
                .map(CanonicalDocuments::withoutNeighbouringLists)
                .map(RichText::new);
    }

    /**
     * Single paragraphs of runs with any style mix and punctuation at their edges, including shapes
     * Markdown cannot express exactly (a bold "!" glued to a word).
     */
    static Arbitrary<RichText> awkwardParagraphs() {
        Arbitrary<String> text = Arbitraries.strings().withChars("ab1 *_`[]()<>&#!\\-.\"'").ofMinLength(1).ofMaxLength(6);
        Arbitrary<RichText.Inline> run = Combinators.combine(text, Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(0, 1, 2))
                .as((t, bold, italic, kind) -> kind == 2 ? (RichText.Inline) new RichText.Code(t, null)
                        : new RichText.Text(t, bold, italic, kind == 1 ? "https://example.com/x" : null));
        return run.list().ofMinSize(1).ofMaxSize(6).map(runs -> {
            InlineRuns built = new InlineRuns();
            for (RichText.Inline inline : runs) {
                if (inline instanceof RichText.Text t) {
                    built.text(t.text(), t.bold(), t.italic(), t.link());
                } else {
                    built.code(((RichText.Code) inline).text(), null);
                }
            }
            return new RichText(List.of(new RichText.Paragraph(built.build())));
        });
    }

    private static Arbitrary<Block> blocks(int listDepth) {
        List<Arbitrary<? extends Block>> choices = new ArrayList<>(List.of(paragraphs(), paragraphs(), headings(),
                codeBlocks(), Arbitraries.just(new RichText.Rule())));
        if (listDepth > 0) {
            choices.add(lists(listDepth));
        }
        return Arbitraries.oneOf(choices);
    }

    private static Arbitrary<Block> lists(int depth) {
        Arbitrary<RichText.ListItem> item = Combinators.combine(paragraphs(),
                        depth > 1 ? lists(depth - 1).injectNull(0.6) : Arbitraries.just((Block) null))
                .as((first, sub) -> new RichText.ListItem(sub == null ? List.of(first) : List.of(first, sub)));
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 20),
                        item.list().ofMinSize(1).ofMaxSize(4))
                .as((ordered, start, items) -> new RichText.ListBlock(ordered, ordered ? start : 1, items));
    }

    private static Arbitrary<Block> headings() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), line())
                .as((level, inlines) -> new RichText.Heading(level, inlines.build().build()));
    }

    private static Arbitrary<Block> codeBlocks() {
        Arbitrary<String> codeLine = Arbitraries.oneOf(Arbitraries.strings().withChars("abc{}();=<>*_`#- ")
                .ofMinLength(1).ofMaxLength(20), Arbitraries.just("```"), Arbitraries.just("    indented"));
        return Combinators.combine(Arbitraries.of("", "java", "json", "sh"), codeLine.list().ofMinSize(1).ofMaxSize(4))
                .as((language, lines) -> new RichText.CodeBlock(language, String.join("\n", lines)));
    }

    private static Arbitrary<Block> paragraphs() {
        return line().list().ofMinSize(1).ofMaxSize(3).map(lines -> {
            InlineRuns runs = new InlineRuns();
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    runs.lineBreak();
                }
                lines.get(i).appendTo(runs);
            }
            return new RichText.Paragraph(runs.build());
        });
    }

    /** One line: segments separated by single spaces. */
    private static Arbitrary<Line> line() {
        return segment().list().ofMinSize(1).ofMaxSize(5).map(Line::new);
    }

    private static Arbitrary<Segment> segment() {
        Arbitrary<String> words = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(3).map(w -> String.join(" ", w));
        Arbitrary<String> punctuated = Arbitraries.strings().withChars("abcXYZ019*_[]()<>&#!`\\-+=.~|")
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> links = Arbitraries.of("https://example.com/a", "https://jira.example.com/browse/RB-1?x=1&y=2",
                "mailto:ops@example.com", "/relative/path", "https://example.com/wiki/Foo_(bar)");
        Arbitrary<String> code = Arbitraries.strings().withChars("ab `*_<>").ofMinLength(1).ofMaxLength(10)
                .filter(c -> !c.isBlank());
        return Arbitraries.oneOf(
                punctuated.map(t -> runs -> runs.plain(t)),
                words.map(t -> runs -> runs.plain(t)),
                Combinators.combine(words, Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .filter((t, bold, italic) -> bold || italic)
                        .as((t, bold, italic) -> runs -> runs.text(t, bold, italic, null)),
                code.map(c -> runs -> runs.code(c, null)),
                Combinators.combine(words, links, Arbitraries.of(true, false))
                        .as((t, url, bold) -> runs -> runs.text(t, bold, false, url)));
    }

    private interface Segment {
        void appendTo(InlineRuns runs);
    }

    private record Line(List<Segment> segments) {
        void appendTo(InlineRuns runs) {
            for (int i = 0; i < segments.size(); i++) {
                if (i > 0) {
                    runs.plain(" ");
                }
                segments.get(i).appendTo(runs);
            }
        }

        InlineRuns build() {
            InlineRuns runs = new InlineRuns();
            appendTo(runs);
            return runs;
        }
    }

    /** Two lists of one kind in a row are one list in Markdown; keep generated documents unambiguous. */
    private static List<Block> withoutNeighbouringLists(List<Block> blocks) {
        List<Block> kept = new ArrayList<>();
        for (Block block : blocks) {
            if (block instanceof RichText.ListBlock && !kept.isEmpty() && kept.get(kept.size() - 1) instanceof RichText.ListBlock) {
                continue;
            }
            kept.add(block);
        }
        return kept;
    }
}
