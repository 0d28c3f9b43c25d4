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

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

    /** One wrong placeholder: what is wrong and what to do. */
    record Misuse(String message, String fix) {
    }

    private Placeholders() {
    }

    static List<Misuse> check(String text, List<String> allowed) {
        List<Misuse> misuses = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int end = 0;
        while (m.find()) {
            end = m.end();
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
        if (text.indexOf("{{", end) >= 0) {
            misuses.add(new Misuse("a `{{` is not closed by `}}`", "close the placeholder, e.g. `{{item.key}}`"));
        }
        return misuses;
    }
}
