package io.retrobridge.monitoring.prometheus;

import io.retrobridge.transport.UrlUserInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Links into Prometheus's graph page, in the classic form the new UI also reads:
 * {@code /graph?g0.expr=...&g0.tab=0&g0.range_input=2h&g0.end_input=2026-03-02 10:00:00} (end in UTC).
 * User info in the configured URL is dropped: links are written into tickets.
 */
final class GraphLinks {

    private static final DateTimeFormatter END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final String base;

    GraphLinks(URI graphUrl) {
        String url = UrlUserInfo.without(graphUrl).toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String link(String query, Instant end, Duration range) {
        Objects.requireNonNull(end, "end");
        return base + "/graph?g0.expr=" + encode(query) + "&g0.tab=0&g0.range_input=" + rangeInput(range)
                + "&g0.end_input=" + encode(END.format(end));
    }

    /** The largest whole unit the UI reads: 2h, 90m, 45s (at least 1s). */
    static String rangeInput(Duration range) {
        if (range == null || range.isNegative() || range.isZero()) {
            throw new IllegalArgumentException("range must be above 0 but was " + range);
        }
        long seconds = Math.max(1, range.toSeconds());
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
