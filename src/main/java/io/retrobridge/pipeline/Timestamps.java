package io.retrobridge.pipeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the times CI/CD systems send: ISO 8601 (GitHub, Azure DevOps, with up to nine fraction digits) and
 * GitLab's {@code 2021-04-28 21:50:00 +0200} and {@code 2016-08-12 15:23:28 UTC}.
 */
final class Timestamps {

    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z"));

    private Timestamps() {
    }

    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notIso) {
            // GitLab's own layouts follow
        }
        for (DateTimeFormatter layout : ZONED) {
            try {
                return Optional.of(ZonedDateTime.parse(text, layout).toInstant());
            } catch (DateTimeParseException notThisLayout) {
                // the next layout may fit
            }
        }
        return Optional.empty();
    }
}
