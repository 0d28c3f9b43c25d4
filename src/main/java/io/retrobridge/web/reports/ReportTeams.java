package io.retrobridge.web.reports;

import io.retrobridge.insight.team.TeamScope;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.team.TeamsMapping;
import io.retrobridge.web.reports.ReportParameters.Refused;
import java.util.Optional;

/**
 * Reads the {@code team} parameter the report endpoints share against teams.yaml in force: the teams a report rolls up
 * to and the one it is restricted to, or why the parameter (or an application outside the team) is refused.
 */
final class ReportTeams {

    private ReportTeams() {
    }

    /**
     * @param team        the parameter as given; blank or null for every team
     * @param application the application asked for, already checked; null for every one
     */
    static TeamScope scope(CurrentMappings mappings, String team, String application) throws Refused {
        Optional<TeamsMapping> teams = mappings.teams();
        if (!ReportParameters.given(team)) {
            return teams.map(known -> new TeamScope(known, null)).orElse(TeamScope.NONE);
        }
        String wanted = team.strip();
        if (teams.isEmpty()) {
            throw new Refused("team", "team '" + ReportParameters.shortened(team) + "' is not known: no teams are"
                    + " defined (the mappings folder has no " + TeamsMapping.FILE_NAME + "). Add that file, or ask per"
                    + " application, e.g. ?application=payment-gateway.");
        }
        if (!teams.get().knows(wanted)) {
            throw new Refused("team", "team '" + ReportParameters.shortened(team) + "' is not known; the known teams"
                    + " are " + String.join(", ", teams.get().names()) + ".");
        }
        if (application != null && !teams.get().teamOf(application).equals(wanted)) {
            throw new Refused("application", "application '" + ReportParameters.shortened(application) + "' does not"
                    + " belong to team '" + wanted + "' (it is reported under '" + teams.get().teamOf(application)
                    + "'); leave out one of the two.");
        }
        return new TeamScope(teams.get(), wanted);
    }
}
