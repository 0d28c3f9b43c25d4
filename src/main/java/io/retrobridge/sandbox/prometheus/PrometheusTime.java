package io.retrobridge.sandbox.prometheus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times and durations as Prometheus's HTTP API reads and writes them: timestamps as RFC 3339 or Unix seconds with
 * up to millisecond decimals, durations as seconds or {@code 1h30m}-style, answers as Unix seconds and values as
 * strings.
 */
final class PrometheusTime {

    private static final Pattern DURATION = Pattern.compile(
            "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] UNIT_MILLIS = {
            365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000, 60_000, 1000, 1};

    private PrometheusTime() {
    }

    /** Unix seconds (decimals rounded to the millisecond) or RFC 3339. */
    static Instant parseTime(String text) {
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number: try RFC 3339 below
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot parse " + quoted(text) + " to a valid timestamp");
        }
    }

    /** Seconds (decimals allowed) or Prometheus's duration syntax such as {@code 15s}, {@code 1m30s}. */
    static Duration parseDuration(String text) {
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            return Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            // not a number: try the unit syntax below
        }
        Matcher m = DURATION.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("cannot parse " + quoted(text) + " to a valid duration");
        }
        long millis = 0;
        for (int i = 0; i < UNIT_MILLIS.length; i++) {
            if (m.group(i + 1) != null) {
                millis += Long.parseLong(m.group(i + 1)) * UNIT_MILLIS[i];
            }
        }
        return Duration.ofMillis(millis);
    }

    /** Unix seconds with the milliseconds as decimals and no trailing zeros: 1435781430.781, 1767436620. */
    static BigDecimal timestamp(Instant instant) {
        BigDecimal seconds = BigDecimal.valueOf(instant.toEpochMilli(), 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    /** A sample value as Prometheus writes it: shortest decimal, no exponent; NaN, +Inf and -Inf spelled out. */
    static String value(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return (decimal.scale() < 0 ? decimal.setScale(0) : decimal).toPlainString();
    }

    /** Go's %q, which Prometheus's messages use. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
