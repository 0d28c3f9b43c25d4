package io.retrobridge.insight.portfolio;

import io.retrobridge.insight.delivery.Delivery;
import io.retrobridge.insight.delivery.DeliveryFigures;
import io.retrobridge.insight.effectiveness.EffectivenessReport;
import io.retrobridge.insight.team.TeamScope;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The team rows of one portfolio month, taken from the delivery report's team buckets and the effectiveness report's
 * team figures of that month; nothing is recomputed here.
 */
final class PortfolioTeamRows {

    private PortfolioTeamRows() {
    }

    static List<Portfolio.TeamRow> of(YearMonth month, Delivery deliveries, EffectivenessReport.Period period) {
        Map<String, String> shown = new TreeMap<>(TeamScope.ORDER);
        Map<String, DeliveryFigures> delivered = new LinkedHashMap<>();
        for (Delivery.TeamDelivery team : deliveries.teams()) {
            for (Delivery.Bucket bucket : team.buckets()) {
                if (YearMonth.from(bucket.start()).equals(month) && bucket.figures().changeFailRate().deployments() > 0) {
                    shown.put(team.team(), team.displayName());
                    delivered.put(team.team(), bucket.figures());
                }
            }
        }
        Map<String, EffectivenessReport.TeamEffectiveness> effective = new LinkedHashMap<>();
        period.byTeam().forEach(team -> {
            shown.putIfAbsent(team.team(), team.displayName());
            effective.put(team.team(), team);
        });
        List<Portfolio.TeamRow> rows = new ArrayList<>();
        shown.forEach((team, displayName) -> {
            EffectivenessReport.TeamEffectiveness figures = effective.get(team);
            rows.add(new Portfolio.TeamRow(team, displayName, delivered.get(team),
                    figures == null ? null : figures.figures()));
        });
        return rows;
    }
}
