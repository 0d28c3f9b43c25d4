package io.retrobridge.web.reports;

import io.retrobridge.insight.delivery.DeliveryFigures;
import io.retrobridge.insight.effectiveness.EffectivenessFigures;
import io.retrobridge.insight.portfolio.Portfolio;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The portfolio as CSV (RFC 4180, CRLF line ends, a header row): one row per month and application, then, after all
 * of them, one per month and team, whose application cell is {@value DeliveryCsv#TEAM_PREFIX} and the team's name
 * (no application name has a colon). Delivery cells
 * are empty when the application had no production deployment that month, effectiveness cells when it opened no
 * retrospective; durations are in minutes. The trend is in the JSON and HTML forms.
 */
final class PortfolioCsv {

    static final List<String> HEADER = List.of("month", "from", "to", "application", "deployments",
            "deployments-per-day", "deployment-frequency-band", "lead-time-median-minutes", "lead-time-band",
            "change-fail-rate", "change-fail-rate-band", "recovery-median-minutes", "recovery-band", "rework-rate",
            "retrospectives", "action-items", "completion-rate", "on-time-rate", "open-items", "overdue-items",
            "overdue-oldest-days", "closed-tags", "recurred-tags", "recurrence-rate");

    private PortfolioCsv() {
    }

    static String write(Portfolio portfolio) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (Portfolio.Month month : portfolio.months()) {
            for (Portfolio.Row row : month.applications()) {
                List<String> cells = new ArrayList<>(List.of(month.month().toString(), month.from().toString(),
                        month.to().toString(), row.application()));
                delivery(cells, row.delivery());
                effectiveness(cells, row.effectiveness());
                line(csv, cells);
            }
        }
        for (Portfolio.Month month : portfolio.months()) {
            for (Portfolio.TeamRow row : month.teams()) {
                List<String> cells = new ArrayList<>(List.of(month.month().toString(), month.from().toString(),
                        month.to().toString(), DeliveryCsv.TEAM_PREFIX + row.team()));
                delivery(cells, row.delivery());
                effectiveness(cells, row.effectiveness());
                line(csv, cells);
            }
        }
        return csv.toString();
    }

    private static void delivery(List<String> cells, DeliveryFigures d) {
        if (d == null) {
            add(cells, new Object[10]);
            return;
        }
        add(cells, d.deploymentFrequency().deployments(), d.deploymentFrequency().perDay(),
                DeliveryViews.band(d.deploymentFrequency().band()), minutes(d.changeLeadTime().median()),
                DeliveryViews.band(d.changeLeadTime().band()), d.changeFailRate().rate(),
                DeliveryViews.band(d.changeFailRate().band()), minutes(d.failedDeploymentRecoveryTime().median()),
                DeliveryViews.band(d.failedDeploymentRecoveryTime().band()), d.deploymentReworkRate().rate());
    }

    private static void effectiveness(List<String> cells, EffectivenessFigures f) {
        if (f == null) {
            add(cells, new Object[10]);
            return;
        }
        add(cells, f.retrospectives(), f.actionItems(), f.completionRate(), f.onTimeRate(), f.open().items(),
                f.overdue().items(), f.overdue().oldestDays(), f.recurrence().closedTags(), f.recurrence().recurred(),
                f.recurrence().rate());
    }

    private static Long minutes(java.time.Duration duration) {
        return duration == null ? null : duration.toMinutes();
    }

    private static void add(List<String> cells, Object... values) {
        for (Object value : values) {
            cells.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        }
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(FollowUpCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }
}
