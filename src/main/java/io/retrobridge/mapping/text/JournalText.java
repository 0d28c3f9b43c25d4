package io.retrobridge.mapping.text;

import java.util.regex.Pattern;

/**
 * Text for a ServiceNow journal field (work notes, additional comments) that must be shown as typed.
 * ServiceNow renders whatever sits between {@code [code]} and {@code [/code]} in a journal entry as HTML, so a
 * title or comment holding those tags could put links or markup into a work note. Each such tag gets a zero-width
 * space after its bracket: it reads the same and is no longer a tag.
 */
public final class JournalText {

    /** What goes between the bracket and the tag name. */
    static final String BREAK = "\u200B";

    private static final Pattern CODE_TAG = Pattern.compile("(?i)\\[(\\s*/?\\s*code\\s*)]");

    private JournalText() {
    }

    /** {@code text} with every {@code [code]} and {@code [/code]} (any case, any spacing) made inert. */
    public static String literal(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return CODE_TAG.matcher(text).replaceAll(m -> "[" + BREAK + java.util.regex.Matcher.quoteReplacement(m.group(1)) + "]");
    }
}
