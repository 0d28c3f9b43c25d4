package io.retrobridge.web.reports;

import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.team.Team;
import io.retrobridge.mapping.team.TeamsMapping;
import java.util.List;
import java.util.Optional;

/**
 * Puts a test's teams in force in the running service (as a reload of teams.yaml would) and takes them back after, so
 * the other tests sharing the application see the shipped files.
 */
final class TeamsInForce {

    private final CurrentMappings mappings;
    private final LoadedMappings shipped;

    private TeamsInForce(CurrentMappings mappings) {
        this.mappings = mappings;
        this.shipped = mappings.get();
    }

    /** The shipped files with {@code teams} as teams.yaml. */
    static TeamsInForce of(CurrentMappings mappings, Team... teams) {
        TeamsInForce inForce = new TeamsInForce(mappings);
        inForce.put(Optional.of(new TeamsMapping(List.of(teams))));
        return inForce;
    }

    /** The shipped files without teams.yaml. */
    static TeamsInForce none(CurrentMappings mappings) {
        TeamsInForce inForce = new TeamsInForce(mappings);
        inForce.put(Optional.empty());
        return inForce;
    }

    private void put(Optional<TeamsMapping> teams) {
        LoadedMappings s = shipped;
        mappings.replace(new LoadedMappings(s.dir(), s.files(), s.actionItemsDefinition(), s.actionItems(),
                s.escalations(), s.changeRecords(), s.retrospectives(), s.pirMetrics(), s.gates(), teams));
    }

    void restore() {
        mappings.replace(shipped);
    }
}
