package io.retrobridge.mapping.text;

import io.retrobridge.mapping.text.RichText.Code;
import io.retrobridge.mapping.text.RichText.Inline;
import io.retrobridge.mapping.text.RichText.LineBreak;
import io.retrobridge.mapping.text.RichText.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects inline runs in their normal form: empty runs dropped, neighbouring runs with the same style
 * merged, and every link checked by {@link SafeLinks}. Every reader builds through this, so documents
 * that look the same compare equal.
 */
final class InlineRuns {

    private final List<Inline> runs = new ArrayList<>();

    void text(String text, boolean bold, boolean italic, String link) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        int newline = normalized.indexOf('\n');
        if (newline >= 0) {
            // A newline inside a run is a line break in every format; keep it as one so formats agree.
            text(normalized.substring(0, newline), bold, italic, link);
            lineBreak();
            text(normalized.substring(newline + 1), bold, italic, link);
            return;
        }
        text = normalized;
        String safeLink = SafeLinks.safe(link).orElse(null);
        if (!runs.isEmpty() && runs.get(runs.size() - 1) instanceof Text last
                && last.bold() == bold && last.italic() == italic && java.util.Objects.equals(last.link(), safeLink)) {
            runs.set(runs.size() - 1, new Text(last.text() + text, bold, italic, safeLink));
            return;
        }
        runs.add(new Text(text, bold, italic, safeLink));
    }

    void plain(String text) {
        text(text, false, false, null);
    }

    void code(String text, String link) {
        if (text == null || text.isEmpty()) {
            return;
        }
        text = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        String safeLink = SafeLinks.safe(link).orElse(null);
        if (!runs.isEmpty() && runs.get(runs.size() - 1) instanceof Code last
                && java.util.Objects.equals(last.link(), safeLink)) {
            runs.set(runs.size() - 1, new Code(last.text() + text, safeLink));
            return;
        }
        runs.add(new Code(text, safeLink));
    }

    void lineBreak() {
        runs.add(new LineBreak());
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /** The runs without line breaks at either end, which no format can show. */
    List<Inline> build() {
        int from = 0;
        int to = runs.size();
        while (from < to && runs.get(from) instanceof LineBreak) {
            from++;
        }
        while (to > from && runs.get(to - 1) instanceof LineBreak) {
            to--;
        }
        return List.copyOf(runs.subList(from, to));
    }

    /** True when nothing was added yet or the last thing added ends in whitespace or a line break. */
    boolean endsInSpace() {
        if (runs.isEmpty()) {
            return true;
        }
        Inline last = runs.get(runs.size() - 1);
        if (last instanceof Text t) {
            return Character.isWhitespace(t.text().charAt(t.text().length() - 1));
        }
        return last instanceof LineBreak;
    }

    /**
     * Like {@link #build()}, but also without the spaces at the start and end of each line, which HTML
     * does not show either.
     */
    List<Inline> buildTrimmed() {
        List<Inline> trimmed = new ArrayList<>();
        List<Inline> built = build();
        for (int i = 0; i < built.size(); i++) {
            Inline inline = built.get(i);
            if (inline instanceof Text t) {
                String text = t.text();
                if (i == 0 || built.get(i - 1) instanceof LineBreak) {
                    text = text.stripLeading();
                }
                if (i == built.size() - 1 || built.get(i + 1) instanceof LineBreak) {
                    text = text.stripTrailing();
                }
                if (!text.isEmpty()) {
                    trimmed.add(new Text(text, t.bold(), t.italic(), t.link()));
                }
            } else {
                trimmed.add(inline);
            }
        }
        return List.copyOf(trimmed);
    }

    /** Plain text of inline runs, for places that cannot hold styles. */
    static String plainText(List<Inline> inlines) {
        StringBuilder out = new StringBuilder();
        for (Inline inline : inlines) {
            if (inline instanceof Text t) {
                out.append(t.text());
            } else if (inline instanceof Code c) {
                out.append(c.text());
            } else {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
