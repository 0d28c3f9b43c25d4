package io.retrobridge.insight.delivery;

import java.time.Duration;
import java.util.Locale;

/**
 * The performance levels of the Accelerate State of DevOps Report 2024 (DORA), and where a figure falls among them.
 * The report gives each level a typical range; where its ranges leave a gap or overlap, the rule here says which
 * level a figure gets (the README lists them).
 */
public enum DoraBand {
    ELITE, HIGH, MEDIUM, LOW;

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Elite: at least daily (on demand); high: daily to weekly; medium: weekly to monthly; low: less often. */
    public static DoraBand ofDeploymentsPerDay(double perDay) {
        if (perDay >= 1) {
            return ELITE;
        }
        if (perDay >= 1.0 / 7) {
            return HIGH;
        }
        return perDay >= 1.0 / 30 ? MEDIUM : LOW;
    }

    /** Elite: under a day; high: a day to a week; medium: a week to a month; low: longer. */
    public static DoraBand ofLeadTime(Duration median) {
        if (median.compareTo(DAY) < 0) {
            return ELITE;
        }
        if (median.compareTo(WEEK) <= 0) {
            return HIGH;
        }
        return median.compareTo(MONTH) <= 0 ? MEDIUM : LOW;
    }

    /**
     * The report's typical rates are elite 5%, high 20%, medium 10%, low 40%: not ordered, so a rate gets the level
     * whose typical rate is nearest (ties to the better): elite up to 7.5%, medium up to 15%, high up to 30%, low above.
     */
    public static DoraBand ofChangeFailRate(double rate) {
        if (rate <= 0.075) {
            return ELITE;
        }
        if (rate <= 0.15) {
            return MEDIUM;
        }
        return rate <= 0.30 ? HIGH : LOW;
    }

    /**
     * Elite: under an hour; high: under a day (the report gives medium "under a day" too); medium: a day to a week
     * (the gap the report leaves); low: a week or longer.
     */
    public static DoraBand ofRecoveryTime(Duration median) {
        if (median.compareTo(Duration.ofHours(1)) < 0) {
            return ELITE;
        }
        if (median.compareTo(DAY) < 0) {
            return HIGH;
        }
        return median.compareTo(WEEK) < 0 ? MEDIUM : LOW;
    }
}
