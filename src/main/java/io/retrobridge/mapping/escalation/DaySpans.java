package io.retrobridge.mapping.escalation;

import io.retrobridge.domain.DayCount;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lengths of time escalations.yaml speaks in, written as admins say them: "1 day", "2 business days",
 * "90 days", "2 weeks". Each parse answers the value or why the text is not one.
 */
final class DaySpans {

    static final String THRESHOLD_FORMS = "`N day(s)` (calendar days) or `N business day(s)` (working days of"
            + " `calendar`), N from 1, e.g. `1 day` or `5 business days`";
    static final String WINDOW_FORMS = "`N day(s)` or `N week(s)`, N from 1, e.g. `90 days`";
    static final String CYCLE_FORMS = "`1 week` or `N weeks` (N from 1 to " + DaySpans.MAX_CYCLE_WEEKS + ")";

    /** Ten years: any longer is a typo, and keeps every count far from overflowing. */
    static final int MAX_DAYS = 3650;
    static final int MAX_CYCLE_WEEKS = 12;

    private static final Pattern THRESHOLD = Pattern.compile("(\\d{1,9})\\s+(?:(business|calendar)\\s+)?days?");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,9})\\s+(days?|weeks?)");
    private static final Pattern CYCLE = Pattern.compile("(\\d{1,9})\\s+weeks?");

    /** A parsed value, or the reason (a whole sentence fragment naming the text) it could not be one. */
    record Parsed<T>(Optional<T> value, String problem, String fix) {
        static <T> Parsed<T> of(T value) {
            return new Parsed<>(Optional.of(value), null, null);
        }

        static <T> Parsed<T> refused(String problem, String fix) {
            return new Parsed<>(Optional.empty(), problem, fix);
        }
    }

    private DaySpans() {
    }

    /** "N day(s)", "N calendar day(s)" or "N business day(s)" with 1 <= N <= {@link #MAX_DAYS}. */
    static Parsed<Threshold> threshold(String text) {
        Matcher m = THRESHOLD.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Parsed.refused("`" + text + "` is not a number of days overdue", "write " + THRESHOLD_FORMS);
        }
        int days = Integer.parseInt(m.group(1));
        if (days < 1) {
            return Parsed.refused("`" + text + "` would fire before the item is overdue; days overdue start at 1 (the"
                    + " first day after the due date)", "use 1 or more, e.g. `1 day`");
        }
        if (days > MAX_DAYS) {
            return Parsed.refused("`" + text + "` is more than " + MAX_DAYS + " days", "use at most " + MAX_DAYS);
        }
        DayCount count = "business".equals(m.group(2)) ? DayCount.BUSINESS : DayCount.CALENDAR;
        return Parsed.of(new Threshold(days, count));
    }

    /** "N day(s)" or "N week(s)": a stretch of calendar time looking back from today. */
    static Parsed<Period> window(String text) {
        Matcher m = WINDOW.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Parsed.refused("`" + text + "` is not a length of time", "write " + WINDOW_FORMS);
        }
        int n = Integer.parseInt(m.group(1));
        boolean weeks = m.group(2).startsWith("week");
        if (n < 1 || (weeks ? n * 7L : n) > MAX_DAYS) {
            return Parsed.refused("`" + text + "` must be from 1 day to " + MAX_DAYS + " days", "write " + WINDOW_FORMS);
        }
        return Parsed.of(weeks ? Period.ofWeeks(n) : Period.ofDays(n));
    }

    /** "1 week" or "N weeks": the length of a review cycle. */
    static Parsed<Integer> cycleWeeks(String text) {
        Matcher m = CYCLE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Parsed.refused("`" + text + "` is not a review cycle", "write " + CYCLE_FORMS);
        }
        int weeks = Integer.parseInt(m.group(1));
        if (weeks < 1 || weeks > MAX_CYCLE_WEEKS) {
            return Parsed.refused("a review cycle of " + weeks + " weeks is not supported", "write " + CYCLE_FORMS);
        }
        return Parsed.of(weeks);
    }

    /** How a threshold reads in messages: "2 business days". */
    static String describe(Threshold threshold) {
        return threshold.days() + (threshold.count() == DayCount.BUSINESS ? " business" : "")
                + (threshold.days() == 1 ? " day" : " days");
    }
}
