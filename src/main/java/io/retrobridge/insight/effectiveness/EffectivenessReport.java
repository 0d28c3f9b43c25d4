package io.retrobridge.insight.effectiveness;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Retrospective effectiveness over the days [from, to) in {@code zone}, cut into periods. A retrospective belongs to
 * the period in which it opened; each period has the figures of all its retrospectives and one set per application
 * (in name order).
 *
 * @param application the application asked for; null for all
 * @param today       the day ages and overdue were judged on
 */
public record EffectivenessReport(String application, LocalDate from, LocalDate to, Granularity granularity,
                                  ZoneId zone, LocalDate today, List<Period> periods) {

    public record ApplicationFigures(String application, EffectivenessFigures figures) {
    }

    public record Period(LocalDate from, LocalDate to, EffectivenessFigures overall,
                         List<ApplicationFigures> byApplication) {
    }
}
