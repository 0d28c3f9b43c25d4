package io.retrobridge.mapping.pir;

import io.retrobridge.domain.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PIR metric: a PromQL template and what makes its after-value a degradation.
 *
 * @param query          PromQL with {@code ${service}}, {@code ${environment}} (only inside double-quoted strings,
 *                       checked when the file is read) and {@code ${window}}
 * @param unit           how values read, e.g. {@code ratio}, {@code seconds}, {@code requests/s}
 * @param better         which way is good
 * @param degraded       thresholds on the after-value; none set means the metric is shown but never judged
 * @param covers         failure modes (action-item failure-mode tags) this metric watches
 * @param serviceNowField a change field that receives this metric's line (e.g. {@code u_pir_error_rate}); null for none
 * @param jiraField      a Jira field that receives it; null for none
 */
public record PirMetric(String id, String title, String query, String unit, Better better, Degraded degraded,
                        List<String> covers, String serviceNowField, String jiraField) {

    /** The placeholders a query may hold, by name. */
    public static final List<String> PLACEHOLDERS = List.of("service", "environment", "window");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(" + String.join("|", PLACEHOLDERS) + ")}");

    public PirMetric {
        covers = List.copyOf(covers);
    }

    /** Which direction of change is an improvement. */
    public enum Better { LOWER, HIGHER }

    /**
     * When the after-value is a degradation; any that holds is enough.
     *
     * @param above        the after-value is above this
     * @param below        the after-value is below this
     * @param worsePercent the after-value is worse than the before-value by more than this percentage
     */
    public record Degraded(Double above, Double below, Double worsePercent) {
        public static final Degraded NEVER = new Degraded(null, null, null);
    }

    /**
     * The query with its placeholders filled in. Service and environment go inside PromQL string literals, escaped
     * there, so no value can end the string and change the query.
     */
    public String queryFor(String service, String environment, Duration window) {
        // One pass, so a value that itself reads "${window}" stays as written instead of being filled in again.
        Matcher m = PLACEHOLDER.matcher(query);
        StringBuilder out = new StringBuilder(query.length() + 32);
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "service" -> promqlString(service);
                case "environment" -> promqlString(environment);
                default -> promqlDuration(window);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether some threshold can mark this metric degraded; one without is shown but never judged. */
    public boolean judged() {
        return !degraded.equals(Degraded.NEVER);
    }

    /**
     * The verdict on the release's values for this metric. Without an after-value (or with NaN, Prometheus's answer
     * to 0/0) there is nothing to judge; without a before-value only the absolute thresholds can judge, so an
     * after-value beyond one is still degraded.
     */
    public Verdict verdict(Double before, Double after) {
        if (after == null || after.isNaN()) {
            return Verdict.NO_DATA;
        }
        if (before == null || before.isNaN()) {
            return crossesAbsolute(after) ? Verdict.DEGRADED : Verdict.NO_DATA;
        }
        if (crossesAbsolute(after)
                || degraded.worsePercent() != null && worseByPercent(before, after) > degraded.worsePercent()) {
            return Verdict.DEGRADED;
        }
        if (degraded.worsePercent() != null && -worseByPercent(before, after) > degraded.worsePercent()) {
            return Verdict.IMPROVED;
        }
        return Verdict.OK;
    }

    private boolean crossesAbsolute(double after) {
        return degraded.above() != null && after > degraded.above()
                || degraded.below() != null && after < degraded.below();
    }

    /** How much worse after is than before, in percent of before (negative when better). */
    private double worseByPercent(double before, double after) {
        double signed = better == Better.LOWER ? after - before : before - after;
        if (before == 0.0) {
            return signed == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, signed);
        }
        return signed / Math.abs(before) * 100.0;
    }

    /**
     * The inside of a double-quoted PromQL string: backslash, quote and control characters escaped, and a lone
     * surrogate (not valid UTF-8, which PromQL refuses) replaced by U+FFFD.
     */
    static String promqlString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                        out.append('\uFFFD');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** A PromQL duration: the largest whole unit, e.g. 5m, 90s, 1h. */
    static String promqlDuration(Duration window) {
        long seconds = window.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return Math.max(seconds, 1) + "s";
    }
}
