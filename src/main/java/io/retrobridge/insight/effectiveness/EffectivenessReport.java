package io.retrobridge.insight.effectiveness;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Retrospective effectiveness over the days [from, to) in {@code zone}, cut into periods. A retrospective belongs to
 * the period in which it opened; each period has the figures of all its retrospectives and one set per application
 * (in name order), and one per team when teams are defined.
 *
 * @param application the application asked for; null for all
 * @param today       the day ages and overdue were judged on
 * @param team        the team asked for; null for every application
 */
public record EffectivenessReport(String application, LocalDate from, LocalDate to, Granularity granularity,
                                  ZoneId zone, LocalDate today, List<Period> periods, String team) {

    /** A report of every team's applications. */
    public EffectivenessReport(String application, LocalDate from, LocalDate to, Granularity granularity,
                               ZoneId zone, LocalDate today, List<Period> periods) {
        this(application, from, to, granularity, zone, today, periods, null);
    }

    public record ApplicationFigures(String application, EffectivenessFigures figures) {
    }

    /** One team's figures over the retrospectives of its applications (those in the period, in name order). */
    public record TeamEffectiveness(String team, String displayName, List<String> applications,
                                    EffectivenessFigures figures) {
    }

    /** @param byTeam name order, unassigned last; empty without teams */
    public record Period(LocalDate from, LocalDate to, EffectivenessFigures overall,
                         List<ApplicationFigures> byApplication, List<TeamEffectiveness> byTeam) {

        public Period {
            byTeam = byTeam == null ? List.of() : List.copyOf(byTeam);
        }

        /** A period without teams. */
        public Period(LocalDate from, LocalDate to, EffectivenessFigures overall,
                      List<ApplicationFigures> byApplication) {
            this(from, to, overall, byApplication, List.of());
        }
    }
}
