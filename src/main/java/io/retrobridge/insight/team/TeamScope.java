package io.retrobridge.insight.team;

import io.retrobridge.mapping.team.TeamsMapping;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The teams a report rolls its applications up to, and the one team it is restricted to. Applied to what a report has
 * already read, in memory: the stores are asked the same whatever the team.
 *
 * @param teams who owns which application; null when there is no teams file (no roll-up, every application)
 * @param team  the one team asked for (a name {@link TeamsMapping#knows} knows); null for every application
 */
public record TeamScope(TeamsMapping teams, String team) {

    /** The order teams are reported in: by name, {@link TeamsMapping#UNASSIGNED} last. */
    public static final Comparator<String> ORDER = Comparator
            .comparing((String name) -> name.equals(TeamsMapping.UNASSIGNED))
            .thenComparing(Comparator.<String>naturalOrder());

    /** No teams file and no team asked for: every application, no team roll-up; the reports as before teams. */
    public static final TeamScope NONE = new TeamScope(null, null);

    public TeamScope {
        if (team != null && (teams == null || !teams.knows(team))) {
            throw new IllegalArgumentException("team `" + team + "` is not known");
        }
    }

    /** Whether the report has team roll-ups. */
    public boolean rollsUp() {
        return teams != null;
    }

    /** Whether an application's figures are in the report; a null application counts as the empty name. */
    public boolean includes(String application) {
        return team == null || team.equals(teamOf(application));
    }

    /** The team an application is rolled up to: its owner, or {@link TeamsMapping#UNASSIGNED}. */
    public String teamOf(String application) {
        Objects.requireNonNull(teams, "no teams to roll up to");
        return teams.teamOf(application == null ? "" : application);
    }

    /** The team's display name (its name when it has none). */
    public String shownName(String team) {
        return teams == null ? team : teams.shownNames().getOrDefault(team, team);
    }

    /** The items whose application is in the report, in their order. */
    public <T> List<T> only(List<T> items, Function<T, String> application) {
        return team == null ? items : items.stream().filter(item -> includes(application.apply(item))).toList();
    }

    /**
     * The per-application groups of a report gathered per team, in {@link #ORDER}, each with its applications in name
     * order; teams with no group are left out. Empty when there is nothing to roll up to.
     */
    public <T> Map<String, Map<String, T>> byTeam(Map<String, T> byApplication) {
        Map<String, Map<String, T>> byTeam = new TreeMap<>(ORDER);
        if (teams == null) {
            return byTeam;
        }
        byApplication.forEach((application, group) -> byTeam.computeIfAbsent(teamOf(application),
                unused -> new TreeMap<>()).put(application, group));
        return byTeam;
    }

    /** Every item of every group, in the groups' order. */
    public static <T> List<T> union(Map<String, List<T>> groups) {
        List<T> all = new ArrayList<>();
        groups.values().forEach(all::addAll);
        return all;
    }
}
