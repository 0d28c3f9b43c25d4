package io.retrobridge.sandbox.jira;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Jira's timestamp and date formats: {@code 2026-11-25T10:15:30.000+0000} and {@code 2026-11-25}. */
final class JiraTime {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private JiraTime() {
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
