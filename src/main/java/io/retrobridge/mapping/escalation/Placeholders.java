package io.retrobridge.mapping.escalation;

import io.retrobridge.mapping.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the {{placeholders}} of a text against the names it may use, so a typo is refused when the file
 * is loaded instead of showing up as "{{ownr}}" in a board's ticket weeks later.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final int SNIPPET = 16;

    /** One wrong placeholder: what is wrong and what to do. */
    record Misuse(String message, String fix) {
    }

    private Placeholders() {
    }

    static List<Misuse> check(String text, List<String> allowed) {
        List<Misuse> misuses = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while ((at = text.indexOf("{{", at)) >= 0) {
            if (!m.region(at, text.length()).lookingAt()) {
                misuses.add(new Misuse("`" + snippet(text, at) + "` opens a placeholder that is not closed by `}}`",
                        "close it, e.g. `{{owner}}`"));
                at += 2;
                continue;
            }
            at = m.end();
            String written = m.group(1);
            String name = written.strip();
            if (!allowed.contains(name)) {
                Optional<String> suggestion = Suggestions.closest(name, allowed);
                misuses.add(new Misuse("unknown placeholder `{{" + written + "}}`"
                        + suggestion.map(s -> "; did you mean `{{" + s + "}}`?").orElse(""),
                        suggestion.map(s -> "write `{{" + s + "}}`; ").orElse("") + "placeholders here: "
                                + String.join(", ", allowed)));
            } else if (!name.equals(written)) {
                misuses.add(new Misuse("placeholder `{{" + written + "}}` has spaces inside the braces",
                        "write `{{" + name + "}}`"));
            }
        }
        return misuses;
    }

    /** The text from {@code at}, up to the line's end and a few characters: enough to find it. */
    private static String snippet(String text, int at) {
        int end = Math.min(text.length(), at + SNIPPET);
        int lineEnd = text.indexOf('\n', at);
        return text.substring(at, lineEnd >= 0 && lineEnd < end ? lineEnd : end).strip();
    }
}
