package io.retrobridge.web.reports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the report endpoints share in reading their parameters and refusing a bad one. Each reader returns the value
 * to use (the default when the parameter is absent) or throws {@link Refused}, which a controller answers with
 * {@link Refused#answer()}. The wording of a refusal stays with the report where the reports word it differently.
 */
final class ReportParameters {

    /** JSON first: what a caller without a preference gets. */
    static final List<MediaType> JSON_OR_CSV = List.of(MediaType.APPLICATION_JSON, FollowUpReportController.CSV);
    /** An application as deployment events and teams.yaml name it. */
    static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,254}");
    /** Times outside these years are typing mistakes; refusing them keeps the window arithmetic in range. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    /** A parameter that cannot be used, and why; nothing was read. */
    static final class Refused extends Exception {
        final HttpStatus status;
        final String parameter;

        Refused(String parameter, String message) {
            this(HttpStatus.BAD_REQUEST, parameter, message);
        }

        Refused(HttpStatus status, String parameter, String message) {
            super(message, null, false, false);
            this.status = status;
            this.parameter = parameter;
        }

        /** The refusal as the report endpoints answer it: JSON naming the parameter. */
        ResponseEntity<Map<String, String>> answer() {
            return refusal(status, parameter, getMessage());
        }
    }

    /** The days [from, to) a report covers. */
    record Days(LocalDate from, LocalDate to) {
    }

    private ReportParameters() {
    }

    /** Whether a parameter was given with a value. */
    static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** A value quoted back in a refusal: control characters replaced, cut at 60 characters. */
    static String shortened(String value) {
        String printable = String.valueOf(value).replaceAll("[\\p{Cc}\\p{Cf}]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }

    /** {@code {"error": message, "parameter": name}} as JSON, whatever format was asked for. */
    static ResponseEntity<Map<String, String>> refusal(HttpStatus status, String parameter, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("parameter", parameter);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * The format of {@code offered} the caller's Accept header prefers.
     *
     * @param unreadable   the refusal (400) when the header cannot be read, given what the parser found wrong
     * @param unacceptable the refusal (406) when none of {@code offered} is acceptable
     */
    static MediaType format(String accept, List<MediaType> offered, Function<String, String> unreadable,
                            String unacceptable) throws Refused {
        Optional<MediaType> chosen;
        try {
            chosen = preferred(accept, offered);
        } catch (InvalidMediaTypeException e) {
            throw new Refused("Accept", unreadable.apply(e.getMessage()));
        }
        return chosen.orElseThrow(() -> new Refused(HttpStatus.NOT_ACCEPTABLE, "Accept", unacceptable));
    }

    /**
     * The first of {@code offered} the caller accepts, going by preference; the first offered when Accept is absent,
     * empty when none is acceptable.
     */
    static Optional<MediaType> preferred(String accept, List<MediaType> offered) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(offered.get(0));
        }
        List<MediaType> wanted = MediaType.parseMediaTypes(accept).stream()
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .toList();
        for (MediaType type : wanted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            for (MediaType format : offered) {
                if (type.includes(format)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }

    /** The application asked for, stripped; null for every one. */
    static String application(String value) throws Refused {
        return matching("application", value, APPLICATION, () -> "application '" + shortened(value) + "' is not an"
                + " application name (letters, digits and . _ - /, at most 255 characters).");
    }

    /** The value stripped, or null when not given; refused when it has not the shape a name must have. */
    static String matching(String parameter, String value, Pattern shape, Supplier<String> refusal) throws Refused {
        if (!given(value)) {
            return null;
        }
        String stripped = value.strip();
        if (!shape.matcher(stripped).matches()) {
            throw new Refused(parameter, refusal.get());
        }
        return stripped;
    }

    /** One of a few named values (found by {@code byName} from the stripped value); {@code absent} when not given. */
    static <T> T named(String parameter, String value, T absent, Function<String, Optional<T>> byName,
                       Supplier<String> refusal) throws Refused {
        if (!given(value)) {
            return absent;
        }
        Optional<T> found = byName.apply(value.strip());
        if (found.isEmpty()) {
            throw new Refused(parameter, refusal.get());
        }
        return found.get();
    }

    /** The time zone dates and buckets are counted in; UTC when not given. */
    static ZoneId zone(String value) throws Refused {
        try {
            return given(value) ? ZoneId.of(value.strip()) : ZoneId.of("UTC");
        } catch (DateTimeException e) {
            throw new Refused("zone", "zone '" + shortened(value) + "' is not a time zone such as Europe/Berlin or"
                    + " UTC.");
        }
    }

    /**
     * [from, to) as ISO dates. {@code to} is read first, since from's default counts back from it.
     *
     * @param quoted how a value is quoted back in a refusal
     */
    static Days days(String from, String to, Supplier<LocalDate> toWhenAbsent, UnaryOperator<LocalDate> fromWhenAbsent,
                     UnaryOperator<String> quoted) throws Refused {
        LocalDate end;
        LocalDate start;
        try {
            end = given(to) ? LocalDate.parse(to.strip()) : toWhenAbsent.get();
        } catch (DateTimeParseException e) {
            throw new Refused("to", "to '" + quoted.apply(to) + "' is not an ISO date such as 2026-12-01.");
        }
        try {
            start = given(from) ? LocalDate.parse(from.strip()) : fromWhenAbsent.apply(end);
        } catch (DateTimeParseException e) {
            throw new Refused("from", "from '" + quoted.apply(from) + "' is not an ISO date such as 2026-09-01.");
        }
        if (!start.isBefore(end)) {
            throw new Refused("from", "from " + start + " must be before to " + end + " (to is exclusive).");
        }
        return new Days(start, end);
    }

    /** An ISO 8601 time, or a date meaning the start of that day in {@code zone}, between 1970 and 9998. */
    static Instant instant(String text, ZoneId zone, String parameter) throws Refused {
        Instant instant = parsed(text, zone, parameter);
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new Refused(parameter, parameter + " " + instant + " is not between 1970 and 9998.");
        }
        return instant;
    }

    private static Instant parsed(String text, ZoneId zone, String parameter) throws Refused {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException notATime) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(zone).toInstant();
            } catch (DateTimeException notADate) {
                throw new Refused(parameter, parameter + " '" + shortened(text) + "' is neither an ISO 8601 time such"
                        + " as 2026-11-01T00:00:00Z nor a date such as 2026-11-01.");
            }
        }
    }
}
