package io.retrobridge.servicenow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The Table API's raw date-time form, both ways: {@code yyyy-MM-dd HH:mm:ss}, always UTC. */
final class GlideTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private GlideTime() {
    }

    /** Whole seconds, cut down: a watermark formatted here never skips the second it falls in. */
    static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** @throws DateTimeParseException when {@code text} is not in the raw form */
    static Instant parse(String text) {
        return LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC);
    }
}
