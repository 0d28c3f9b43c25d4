package io.retrobridge.escalation;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders of an escalation text. Values are inserted as plain text in one pass, so a
 * title that itself contains "{{owner}}" stays as written instead of being expanded. A value the map lacks shows
 * as a dash, never as "null". Control characters other than newline and tab are dropped (they break tickets and
 * journals), and each value is capped so one runaway description cannot swamp a ticket.
 */
public final class TemplateRenderer {

    /** What a placeholder without a value shows. */
    public static final String MISSING = "—";

    public static final int DEFAULT_MAX_VALUE_LENGTH = 2_000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9._-]+)\\s*}}");
    private static final String ELLIPSIS = "…";

    private final int maxValueLength;

    public TemplateRenderer() {
        this(DEFAULT_MAX_VALUE_LENGTH);
    }

    /** @param maxValueLength longest value inserted, in characters, ellipsis included; at least 2 */
    public TemplateRenderer(int maxValueLength) {
        if (maxValueLength < 2) {
            throw new IllegalArgumentException("maxValueLength must be 2 or more but was " + maxValueLength);
        }
        this.maxValueLength = maxValueLength;
    }

    public String render(String template, Map<String, String> values) {
        Objects.requireNonNull(template, "template is required but was null");
        Objects.requireNonNull(values, "values are required but were null");
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            String shown = value == null || value.isBlank() ? MISSING : clean(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The value as it would be inserted: control characters removed, capped with an ellipsis. */
    public String clean(String value) {
        String normalized = value.replace("\r\n", "\n");
        StringBuilder kept = new StringBuilder(Math.min(normalized.length(), maxValueLength + 1));
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '\n' || c == '\t' || !Character.isISOControl(c)) {
                kept.append(c);
            }
        }
        if (kept.length() <= maxValueLength) {
            return kept.toString();
        }
        int end = maxValueLength - ELLIPSIS.length();
        if (Character.isHighSurrogate(kept.charAt(end - 1))) {
            end--; // never split a character made of two chars
        }
        return kept.substring(0, end) + ELLIPSIS;
    }
}
