package io.retrobridge.insight.effectiveness;

import io.retrobridge.insight.effectiveness.EffectivenessReport.TeamEffectiveness;
import io.retrobridge.insight.team.TeamScope;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The team roll-up of one period: each team's figures computed over the retrospectives of all its applications
 * together, as the period's overall figures are (pooled, not averaged over the applications).
 */
final class TeamEffectivenessFigures {

    private TeamEffectivenessFigures() {
    }

    /**
     * @param byApplication the period's retrospectives per application
     * @param overall       the figures over all of them, which a team owning every application shares
     */
    static List<TeamEffectiveness> of(TeamScope teams, Map<String, List<TrackedRetrospective>> byApplication,
                                      EffectivenessFigures overall, FailureModeHistory history,
                                      Map<String, RecoveryComparison> recoveries, LocalDate today, ZoneId zone) {
        List<TeamEffectiveness> rolledUp = new ArrayList<>();
        teams.byTeam(byApplication).forEach((team, applications) -> rolledUp.add(new TeamEffectiveness(team,
                teams.shownName(team), List.copyOf(applications.keySet()),
                applications.size() == byApplication.size() ? overall
                        : EffectivenessFigures.of(TeamScope.union(applications), history, recoveries, today, zone))));
        return rolledUp;
    }
}
