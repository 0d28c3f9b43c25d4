package io.retrobridge.web.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.retrobridge.insight.effectiveness.EffectivenessFigures;
import io.retrobridge.insight.portfolio.Portfolio;
import java.time.LocalDate;
import java.util.List;

/** The portfolio's JSON: the delivery side in the delivery report's own shape (durations in seconds and ISO text). */
final class PortfolioViews {

    private PortfolioViews() {
    }

    record PortfolioView(String application, String environment, LocalDate from, LocalDate to, String zone,
                         LocalDate today, String trendRule, List<MonthView> months, Portfolio.Trend trend,
                         String team) {
    }

    record MonthView(String month, LocalDate from, LocalDate to, List<PortfolioRowView> applications,
                     List<PortfolioTeamRowView> teams) {
    }

    /** A team's figures pooled over its applications; a side none of them had anything of that month is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PortfolioTeamRowView(String team, String displayName, DeliveryViews.FiguresView delivery,
                                EffectivenessFigures effectiveness) {
    }

    /** A side the application had nothing of that month is left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PortfolioRowView(String application, DeliveryViews.FiguresView delivery, EffectivenessFigures effectiveness) {
    }

    static final String TREND_RULE = "A banded delivery figure improved or worsened when its DORA band moved; a rate "
            + "without bands (rework, completion, on time, recurrence) when it changed by more than 0.10 between "
            + "consecutive months.";

    static PortfolioView of(Portfolio portfolio, String environment) {
        return new PortfolioView(portfolio.application(), environment, portfolio.from(), portfolio.to(),
                portfolio.zone().getId(), portfolio.today(), TREND_RULE,
                portfolio.months().stream().map(month -> new MonthView(month.month().toString(), month.from(),
                        month.to(), month.applications().stream().map(row -> new PortfolioRowView(row.application(),
                        row.delivery() == null ? null : DeliveryViews.figures(row.delivery(), false),
                        row.effectiveness())).toList(),
                        month.teams().stream().map(row -> new PortfolioTeamRowView(row.team(), row.displayName(),
                                row.delivery() == null ? null : DeliveryViews.figures(row.delivery(), false),
                                row.effectiveness())).toList())).toList(),
                portfolio.trend(), portfolio.team());
    }
}
