package io.retrobridge.insight.delivery;

import io.retrobridge.insight.team.TeamScope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The team roll-up of a delivery report: each team's figures computed over the union of its applications' classified
 * runs, as the overall figures are over all of them (medians of the pooled runs, not averages of the applications').
 */
final class TeamDeliveries {

    private TeamDeliveries() {
    }

    /**
     * @param byApplication each application's classified runs in the window
     * @param overall       the figures over all of them, which a team owning every application shares
     */
    static List<Delivery.TeamDelivery> of(TeamScope teams, Map<String, List<ClassifiedRun>> byApplication,
                                          DeliveryQuery query, DeliveryFigures overall) {
        Duration window = Duration.between(query.from(), query.to());
        List<Delivery.TeamDelivery> rolledUp = new ArrayList<>();
        teams.byTeam(byApplication).forEach((team, applications) -> {
            List<ClassifiedRun> runs = TeamScope.union(applications);
            DeliveryFigures figures = applications.size() == byApplication.size() ? overall
                    : DeliveryCalculator.figures(runs, window, query.events());
            rolledUp.add(new Delivery.TeamDelivery(team, teams.shownName(team), List.copyOf(applications.keySet()),
                    query.environment(), figures, DeliveryReport.buckets(query, runs)));
        });
        return rolledUp;
    }
}
