package io.retrobridge.escalation;

import io.retrobridge.domain.DayCount;
import java.time.Period;

/** How day counts read in texts: "1 day", "3 business days", "90 days". */
final class DayWords {

    private DayWords() {
    }

    /** "day" / "days" / "business day" / "business days". */
    static String unit(long days, DayCount count) {
        String unit = days == 1 ? "day" : "days";
        return count == DayCount.BUSINESS ? "business " + unit : unit;
    }

    static String amount(long days, DayCount count) {
        return days + " " + unit(days, count);
    }

    /** A window such as P90D or P1M2D as words: "90 days", "1 month 2 days". */
    static String period(Period period) {
        StringBuilder out = new StringBuilder();
        append(out, period.getYears(), "year");
        append(out, period.getMonths(), "month");
        append(out, period.getDays(), "day");
        return out.isEmpty() ? "0 days" : out.toString();
    }

    private static void append(StringBuilder out, int amount, String unit) {
        if (amount != 0) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(amount).append(' ').append(unit).append(amount == 1 ? "" : "s");
        }
    }
}
