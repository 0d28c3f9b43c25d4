package io.retrobridge.insight.portfolio;

import io.retrobridge.insight.delivery.DeliveryFigures;
import io.retrobridge.insight.effectiveness.EffectivenessFigures;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The portfolio over the days [from, to) in {@code zone}: per calendar month (the first and last cut to the window)
 * and application, the production delivery figures and the effectiveness figures of the retrospectives opened that
 * month, the same per team when teams are defined, then the trend.
 *
 * @param application the application asked for; null for all
 * @param today       the day ages and overdue were judged on
 * @param team        the team asked for; null for every application
 */
public record Portfolio(String application, LocalDate from, LocalDate to, ZoneId zone, LocalDate today,
                        List<Month> months, Trend trend, String team) {

    /** A portfolio of every team's applications. */
    public Portfolio(String application, LocalDate from, LocalDate to, ZoneId zone, LocalDate today,
                     List<Month> months, Trend trend) {
        this(application, from, to, zone, today, months, trend, null);
    }

    /**
     * One month; {@code applications} in name order, each with deployments or retrospectives that month;
     * {@code teams} in name order, unassigned last, each with deployments or retrospectives that month (empty
     * without teams).
     */
    public record Month(YearMonth month, LocalDate from, LocalDate to, List<Row> applications, List<TeamRow> teams) {

        public Month {
            teams = teams == null ? List.of() : List.copyOf(teams);
        }

        /** A month without teams. */
        public Month(YearMonth month, LocalDate from, LocalDate to, List<Row> applications) {
            this(month, from, to, applications, List.of());
        }
    }

    /**
     * One team in one month, its figures pooled over its applications by the delivery and effectiveness reports; a
     * side is null when none of its applications had anything of that kind that month.
     */
    public record TeamRow(String team, String displayName, DeliveryFigures delivery,
                          EffectivenessFigures effectiveness) {
    }

    /** One application in one month; a side is null when the application had nothing of that kind that month. */
    public record Row(String application, DeliveryFigures delivery, EffectivenessFigures effectiveness) {
    }

    /**
     * @param changes        figures that moved from one month to the next by the rule {@link TrendRules} states
     * @param recurred       failure modes that came back after their corrective actions closed
     * @param overdue        the items overdue today of the retrospectives opened in the window
     * @param underInvestment failure modes that recurred in more than one team in the window (in more than one
     *                        application when no teams are defined)
     */
    public record Trend(List<Change> changes, List<Recurred> recurred, Overdue overdue,
                        List<SharedFailureMode> underInvestment) {
    }

    public enum Direction { IMPROVED, WORSENED }

    /** A figure of one application that moved between two consecutive months. */
    public record Change(String application, YearMonth month, String figure, String before, String after,
                         Direction direction) {
    }

    /** A failure mode of {@code retrospective} that {@code recurredIn} named again. */
    public record Recurred(String application, YearMonth month, String failureMode, String retrospective,
                           String recurredIn) {
    }

    /** Overdue items now: how many, and the oldest in days past its due date; per application too. */
    public record Overdue(int items, Long oldestDays, List<ApplicationOverdue> byApplication) {
    }

    public record ApplicationOverdue(String application, int items, Long oldestDays) {
    }

    /**
     * The same failure mode recurring across teams (across applications when no teams are defined): evidence that a
     * shared fix is missing, since no one team's actions can close it.
     *
     * @param teams the teams of {@code applications}, in team order; empty when no teams are defined
     */
    public record SharedFailureMode(String failureMode, List<String> applications, List<String> teams) {

        public SharedFailureMode {
            applications = List.copyOf(applications);
            teams = teams == null ? List.of() : List.copyOf(teams);
        }

        /** Without teams. */
        public SharedFailureMode(String failureMode, List<String> applications) {
            this(failureMode, applications, List.of());
        }
    }
}
