package io.retrobridge.mapping.team;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code teams.yaml} says: the teams, in the file's order, and the applications each owns (an application
 * belongs to at most one). An application no team lists belongs to the team named {@value #UNASSIGNED}, which the
 * file cannot define itself.
 */
public record TeamsMapping(List<Team> teams) {

    public static final String FILE_NAME = "teams.yaml";
    /** The team of every application no team owns. */
    public static final String UNASSIGNED = "unassigned";

    public TeamsMapping {
        teams = List.copyOf(teams);
        Map<String, String> owners = new HashMap<>();
        Map<String, Team> names = new HashMap<>();
        for (Team team : teams) {
            if (team.name().equals(UNASSIGNED) || names.put(team.name(), team) != null) {
                throw new IllegalArgumentException("team name `" + team.name() + "` is reserved or repeated");
            }
            for (String application : team.applications()) {
                String before = owners.put(application, team.name());
                if (before != null) {
                    throw new IllegalArgumentException("application `" + application + "` is owned by `" + before
                            + "` and `" + team.name() + "`");
                }
            }
        }
    }

    /** The team that owns {@code application}; empty when none does. */
    public Optional<Team> owner(String application) {
        return teams.stream().filter(team -> team.applications().contains(application)).findFirst();
    }

    /** The name of the team {@code application} is reported under: its owner's, or {@value #UNASSIGNED}. */
    public String teamOf(String application) {
        return owner(application).map(Team::name).orElse(UNASSIGNED);
    }

    /** Whether {@code name} is a team the reports know: one of the file's, or {@value #UNASSIGNED}. */
    public boolean knows(String name) {
        return UNASSIGNED.equals(name) || teams.stream().anyMatch(team -> team.name().equals(name));
    }

    /** The team names a caller may ask for: the file's, in its order, then {@value #UNASSIGNED}. */
    public List<String> names() {
        return java.util.stream.Stream.concat(teams.stream().map(Team::name), java.util.stream.Stream.of(UNASSIGNED))
                .toList();
    }

    /** Each team's display name (the name when it has none) by name, {@value #UNASSIGNED} included. */
    public Map<String, String> shownNames() {
        Map<String, String> shown = new LinkedHashMap<>();
        teams.forEach(team -> shown.put(team.name(), team.shownName()));
        shown.put(UNASSIGNED, "Unassigned");
        return shown;
    }
}
