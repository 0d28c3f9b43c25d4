package io.retrobridge.web.reports;

import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.team.Team;
import io.retrobridge.mapping.team.TeamsMapping;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts a test's teams in force in the running service before each test (as a reload of teams.yaml would) and takes
 * them back after, so the other tests sharing the application see the shipped files. A test registers it as a field:
 * {@code @RegisterExtension final TeamsInForce teams = TeamsInForce.of(...);}.
 */
final class TeamsInForce implements BeforeEachCallback, AfterEachCallback {

    private final TeamsMapping teams;
    private CurrentMappings mappings;
    private LoadedMappings shipped;

    private TeamsInForce(TeamsMapping teams) {
        this.teams = teams;
    }

    /** The shipped files with {@code teams} as teams.yaml. */
    static TeamsInForce of(Team... teams) {
        return new TeamsInForce(new TeamsMapping(List.of(teams)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        mappings = SpringExtension.getApplicationContext(context).getBean(CurrentMappings.class);
        shipped = mappings.get();
        put(Optional.of(teams));
    }

    /** For the rest of this test, the shipped files without teams.yaml. */
    void none() {
        put(Optional.empty());
    }

    private void put(Optional<TeamsMapping> teams) {
        LoadedMappings s = shipped;
        mappings.replace(new LoadedMappings(s.dir(), s.files(), s.actionItemsDefinition(), s.actionItems(),
                s.escalations(), s.changeRecords(), s.retrospectives(), s.pirMetrics(), s.gates(), teams));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        mappings.replace(shipped);
    }
}
