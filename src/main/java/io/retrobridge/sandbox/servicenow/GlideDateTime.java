package io.retrobridge.sandbox.servicenow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ServiceNow's stored date-time form: {@code yyyy-MM-dd HH:mm:ss} in UTC. */
final class GlideDateTime {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The form the list filter writes into encoded queries. */
    private static final Pattern DATE_GENERATE = Pattern.compile(
            "javascript:gs\\.dateGenerate\\('(\\d{4}-\\d{2}-\\d{2})',\\s*'(\\d{2}:\\d{2}:\\d{2})'\\)");

    private GlideDateTime() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** A stored UTC date-time as a user in {@code zone} sees it; what is not a date-time is shown as it is. */
    static String display(String stored, java.time.ZoneId zone) {
        try {
            return FORMAT.format(LocalDateTime.parse(stored, FORMAT).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone));
        } catch (DateTimeParseException e) {
            return stored;
        }
    }

    /**
     * A query value as a stored date-time: the plain form, a bare date (midnight), or
     * {@code javascript:gs.dateGenerate('2026-01-31','10:00:00')}. Empty when it is none of these.
     */
    static Optional<String> normalize(String value) {
        Matcher m = DATE_GENERATE.matcher(value.trim());
        String candidate = m.matches() ? m.group(1) + " " + m.group(2) : value.trim();
        if (candidate.length() == 10) {
            candidate = candidate + " 00:00:00";
        }
        try {
            return Optional.of(FORMAT.format(LocalDateTime.parse(candidate, FORMAT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
