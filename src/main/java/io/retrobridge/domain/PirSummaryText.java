package io.retrobridge.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A {@link PirSummary} in words, the same wherever it is written: the table's cells, one metric's line
 * ({@code 0.0099 -> 0.0740 (+647.5%), degraded}), the links, timeline and data gaps as lines, and the whole summary as
 * plain text. Every value taken from outside (metric titles, alert names, reasons) is made one line, so no value can
 * start a line of its own and pass for a heading or a marker where the text is written.
 */
public final class PirSummaryText {

    public static final String HEADING = "Post-implementation review figures (RetroBridge)";
    public static final List<String> COLUMNS = List.of("Metric", "Before", "After", "Change", "Verdict");

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String NONE = "n/a";

    private PirSummaryText() {
    }

    /** A text line with a link beside it; {@code link} is null when there is none. */
    public record Linked(String text, String link) {
    }

    /** The line that marks the note or comment of one release's PIR, so it is found again: {@code [rb-pir <key>]}. */
    public static String marker(String key) {
        return "[rb-pir " + oneLine(key) + "]";
    }

    /** What the figures are about: the change or release, the service, and the windows. */
    public static String about(PirSummary summary) {
        StringBuilder about = new StringBuilder();
        summary.change().ifPresent(number -> about.append(oneLine(number)).append(": "));
        String release = join(" ", summary.application(), summary.version());
        about.append(release.isEmpty() ? "release" : release);
        if (summary.environment() != null) {
            about.append(" in ").append(oneLine(summary.environment()));
        }
        if (summary.service() != null) {
            about.append(" (service ").append(oneLine(summary.service())).append(')');
        }
        return about.append(", deployed ").append(moment(summary.deployedAt())).append("; figures from ")
                .append(moment(summary.from())).append(" to ").append(moment(summary.to())).toString();
    }

    /** {@code Incomplete: <reason>}, when some figures are missing. */
    public static Optional<String> incomplete(PirSummary summary) {
        return Optional.ofNullable(summary.incomplete()).map(reason -> "Incomplete: " + oneLine(reason));
    }

    /** One table row: metric, before, after, change, verdict. */
    public static List<String> row(PirSummary.MetricRow metric) {
        String title = oneLine(metric.title());
        String unit = metric.unit() == null || metric.unit().isBlank() ? "" : " (" + oneLine(metric.unit()) + ")";
        return List.of(title + unit, number(metric.before()), number(metric.after()), change(metric),
                verdict(metric.verdict()));
    }

    /** One metric on one line, e.g. {@code 0.0099 -> 0.0740 (+647.5%), degraded}. */
    public static String metricLine(PirSummary.MetricRow metric) {
        StringBuilder line = new StringBuilder(number(metric.before())).append(" -> ").append(number(metric.after()));
        OptionalDouble change = metric.changePercent();
        if (change.isPresent()) {
            line.append(" (").append(percent(change.getAsDouble())).append(')');
        }
        line.append(", ").append(verdict(metric.verdict()));
        if (metric.problem() != null && !metric.problem().isBlank()) {
            line.append(": ").append(oneLine(metric.problem()));
        }
        return line.toString();
    }

    /** Each metric's graph, labelled by the metric's title. */
    public static List<Linked> graphs(PirSummary summary) {
        List<Linked> graphs = new ArrayList<>();
        for (PirSummary.MetricRow metric : summary.metrics()) {
            if (metric.graph() != null && !metric.graph().isBlank()) {
                graphs.add(new Linked(oneLine(metric.title()), oneLine(metric.graph())));
            }
        }
        return graphs;
    }

    /** The timeline, one line per moment: {@code 2026-12-07 05:00 UTC deployment-finished: text}. */
    public static List<Linked> timeline(PirSummary summary) {
        return summary.timeline().stream().map(entry -> new Linked(moment(entry.at()) + " " + oneLine(entry.kind())
                + ": " + oneLine(entry.text()), entry.link() == null || entry.link().isBlank() ? null
                : oneLine(entry.link()))).toList();
    }

    /** The data gaps, one line each: {@code uncovered failure mode: text}. */
    public static List<String> gaps(PirSummary summary) {
        return summary.gaps().stream().map(gap -> oneLine(gap.kind()).replace('-', ' ') + ": " + oneLine(gap.text()))
                .toList();
    }

    /** When the figures were collected, and how often. */
    public static String collected(PirSummary summary) {
        return "Collected " + moment(summary.collectedAt()) + " (collection " + summary.collections() + ").";
    }

    /** The whole summary as plain text: heading, what it is about, the table, graphs, timeline, gaps. */
    public static String plain(PirSummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADING);
        lines.add(about(summary));
        incomplete(summary).ifPresent(lines::add);
        lines.add("");
        lines.add(String.join(" | ", COLUMNS));
        summary.metrics().forEach(metric -> lines.add(String.join(" | ", row(metric))));
        if (summary.metrics().isEmpty()) {
            lines.add("(no metrics)");
        }
        section(lines, "Graphs", graphs(summary).stream().map(g -> g.text() + ": " + g.link()).toList());
        section(lines, "Timeline", timeline(summary).stream()
                .map(t -> t.link() == null ? t.text() : t.text() + " (" + t.link() + ")").toList());
        section(lines, "Data gaps", gaps(summary));
        lines.add("");
        lines.add(collected(summary));
        return String.join("\n", lines);
    }

    /** A number as the table shows it: four decimals below 1, two below 100, one from there; {@code n/a} when missing. */
    public static String number(Double value) {
        if (value == null || value.isNaN()) {
            return NONE;
        }
        if (value.isInfinite()) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        double size = Math.abs(value);
        return String.format(Locale.ROOT, size < 1 ? "%.4f" : size < 100 ? "%.2f" : "%.1f", value);
    }

    /** A verdict as people read it: ok, degraded, improved, no data. */
    public static String verdict(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A line break or tab inside a value becomes a space; null becomes empty. */
    public static String oneLine(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\t\\u000B\\f\\u0085\\u2028\\u2029]+", " ").strip();
    }

    private static String change(PirSummary.MetricRow metric) {
        OptionalDouble change = metric.changePercent();
        return change.isPresent() ? percent(change.getAsDouble()) : NONE;
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%+.1f%%", value);
    }

    private static String moment(Instant at) {
        return MOMENT.format(at);
    }

    private static void section(List<String> lines, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add("");
        lines.add(title + ":");
        items.forEach(item -> lines.add("- " + item));
    }

    private static String join(String separator, String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                present.add(oneLine(value));
            }
        }
        return String.join(separator, present);
    }
}
