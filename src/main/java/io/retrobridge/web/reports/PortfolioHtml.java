package io.retrobridge.web.reports;

import io.retrobridge.insight.delivery.DeliveryFigures;
import io.retrobridge.insight.effectiveness.EffectivenessFigures;
import io.retrobridge.insight.portfolio.Portfolio;
import io.retrobridge.insight.portfolio.Portfolio.Change;
import io.retrobridge.insight.portfolio.Portfolio.Direction;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The monthly trend report as one printable HTML page: the trend in words first (what improved, what worsened, what
 * recurred, what is overdue, where a failure mode recurs across applications), then a table per month. Every value
 * that comes from data is escaped; the page needs no script.
 */
final class PortfolioHtml {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}
            table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.85em}
            th,td{border:1px solid #bbb;padding:.25em .4em;text-align:left}
            th{background:#eee}.improved{color:#1a6b1a}.worsened{color:#a31515}
            @media print{body{margin:0;font-size:10pt}h2{break-after:avoid}table{break-inside:auto}
            tr{break-inside:avoid}th{background:none}}
            """;

    private PortfolioHtml() {
    }

    static String write(Portfolio portfolio) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>Portfolio trend ").append(e(portfolio.from())).append(" to ").append(e(portfolio.to()))
                .append("</title><style>").append(STYLE).append("</style></head><body>");
        html.append("<h1>Portfolio trend report</h1><p>")
                .append(portfolio.application() == null ? "All applications"
                        : "Application " + e(portfolio.application()))
                .append(portfolio.team() == null ? "" : " of team " + e(portfolio.team()))
                .append(", production deployments and retrospectives, ").append(e(portfolio.from()))
                .append(" up to ").append(e(portfolio.to())).append(" (exclusive), zone ").append(e(portfolio.zone()))
                .append("; ages judged on ").append(e(portfolio.today())).append(".</p>");
        trend(html, portfolio.trend(), portfolio.months().stream().anyMatch(month -> !month.teams().isEmpty()));
        for (Portfolio.Month month : portfolio.months()) {
            month(html, month);
        }
        html.append("<p><small>").append(e(PortfolioViews.TREND_RULE)).append("</small></p></body></html>\n");
        return html.toString();
    }

    private static void trend(StringBuilder html, Portfolio.Trend trend, boolean byTeam) {
        html.append("<h2>What improved</h2>");
        changes(html, trend.changes().stream().filter(c -> c.direction() == Direction.IMPROVED).toList());
        html.append("<h2>What worsened</h2>");
        changes(html, trend.changes().stream().filter(c -> c.direction() == Direction.WORSENED).toList());
        html.append("<h2>What recurred</h2>");
        if (trend.recurred().isEmpty()) {
            html.append("<p>No failure mode came back after its corrective actions closed.</p>");
        } else {
            html.append("<ul>");
            trend.recurred().forEach(r -> html.append("<li>").append(e(r.application())).append(": failure mode <b>")
                    .append(e(r.failureMode())).append("</b> of ").append(e(r.retrospective()))
                    .append(" (").append(e(r.month())).append(") came back in ").append(e(r.recurredIn()))
                    .append(".</li>"));
            html.append("</ul>");
        }
        html.append("<h2>What is overdue</h2>");
        Portfolio.Overdue overdue = trend.overdue();
        if (overdue.items() == 0) {
            html.append("<p>No action item is overdue.</p>");
        } else {
            html.append("<p>").append(overdue.items()).append(" action item").append(overdue.items() == 1 ? " is" :
                    "s are").append(" overdue; the oldest by ").append(overdue.oldestDays()).append(" days.</p>");
            html.append("<table><tr><th>Application</th><th>Overdue items</th><th>Oldest (days)</th></tr>");
            overdue.byApplication().forEach(a -> html.append("<tr><td>").append(e(a.application()))
                    .append("</td><td>").append(a.items()).append("</td><td>").append(e(a.oldestDays()))
                    .append("</td></tr>"));
            html.append("</table>");
        }
        html.append("<h2>Where the evidence points at under-investment</h2>");
        if (trend.underInvestment().isEmpty()) {
            html.append("<p>No failure mode recurred in more than one ")
                    .append(byTeam ? "team" : "application").append(".</p>");
        } else {
            html.append("<ul>");
            trend.underInvestment().forEach(s -> {
                html.append("<li>Failure mode <b>").append(e(s.failureMode())).append("</b> recurred in ");
                if (!s.teams().isEmpty()) {
                    html.append(s.teams().size()).append(" teams (").append(e(String.join(", ", s.teams())))
                            .append("), ");
                }
                html.append(s.applications().size()).append(" applications: ")
                        .append(e(String.join(", ", s.applications()))).append(".</li>");
            });
            html.append("</ul>");
        }
    }

    private static void changes(StringBuilder html, List<Change> changes) {
        if (changes.isEmpty()) {
            html.append("<p>Nothing.</p>");
            return;
        }
        html.append("<ul>");
        changes.forEach(c -> html.append("<li class=\"").append(c.direction() == Direction.IMPROVED ? "improved"
                : "worsened").append("\">").append(e(c.application())).append(": ").append(e(c.figure()))
                .append(" from ").append(e(c.before())).append(" to ").append(e(c.after())).append(" in ")
                .append(e(c.month())).append(".</li>"));
        html.append("</ul>");
    }

    private static void month(StringBuilder html, Portfolio.Month month) {
        html.append("<h2>").append(e(month.month())).append("</h2>");
        if (month.applications().isEmpty()) {
            html.append("<p>No production deployment and no retrospective.</p>");
            return;
        }
        html.append("<table><tr><th>Application</th><th>Deployments</th><th>Frequency</th><th>Lead time</th>"
                + "<th>Change fail rate</th><th>Recovery</th><th>Rework rate</th><th>Retrospectives</th>"
                + "<th>Completion</th><th>On time</th><th>Overdue</th><th>Recurred</th></tr>");
        for (Portfolio.Row row : month.applications()) {
            row(html, e(row.application()), row.delivery(), row.effectiveness());
        }
        html.append("</table>");
        if (!month.teams().isEmpty()) {
            html.append("<h3>").append(e(month.month())).append(" by team</h3>");
            html.append("<table><tr><th>Team</th><th>Deployments</th><th>Frequency</th><th>Lead time</th>"
                    + "<th>Change fail rate</th><th>Recovery</th><th>Rework rate</th><th>Retrospectives</th>"
                    + "<th>Completion</th><th>On time</th><th>Overdue</th><th>Recurred</th></tr>");
            for (Portfolio.TeamRow row : month.teams()) {
                row(html, e(row.displayName()) + " (" + e(row.team()) + ")", row.delivery(), row.effectiveness());
            }
            html.append("</table>");
        }
    }

    /** One table row: the escaped {@code label}, then the delivery and effectiveness cells. */
    private static void row(StringBuilder html, String label, DeliveryFigures d, EffectivenessFigures f) {
        html.append("<tr><td>").append(label).append("</td>");
        if (d == null) {
            html.append("<td colspan=\"6\">no production deployment</td>");
        } else {
            cell(html, d.changeFailRate().deployments());
            cell(html, DeliveryViews.band(d.deploymentFrequency().band()));
            cell(html, withBand(d.changeLeadTime().median(), DeliveryViews.band(d.changeLeadTime().band())));
            cell(html, withBand(d.changeFailRate().rate(), DeliveryViews.band(d.changeFailRate().band())));
            cell(html, withBand(d.failedDeploymentRecoveryTime().median(),
                    DeliveryViews.band(d.failedDeploymentRecoveryTime().band())));
            cell(html, d.deploymentReworkRate().rate());
        }
        if (f == null) {
            html.append("<td colspan=\"5\">no retrospective</td>");
        } else {
            cell(html, f.retrospectives());
            cell(html, plain(f.completionRate()));
            cell(html, plain(f.onTimeRate()));
            cell(html, f.overdue().items());
            cell(html, f.recurrence().recurred() + " of " + f.recurrence().closedTags());
        }
        html.append("</tr>");
    }

    private static String withBand(Object value, String band) {
        return value == null ? null : band == null ? value.toString() : value + " (" + band + ")";
    }

    private static String plain(BigDecimal rate) {
        return rate == null ? null : rate.toPlainString();
    }

    private static void cell(StringBuilder html, Object value) {
        html.append("<td>").append(value == null ? "&ndash;" : e(value)).append("</td>");
    }

    private static String e(Object value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
    }
}
