package io.retrobridge.mapping.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What teams.yaml says reaches the reports' team model exactly; each mistake an admin can make gets a message naming
 * file, line, column and a fix, while the whole set of files is refused; and a folder without the file has no teams.
 */
class TeamsParserTest {

    private static final String GOOD = String.join("\n",
            "version: 1",
            "teams:",
            "  - name: payments",
            "    display-name: Payments squad",
            "    applications: [payment-gateway, billing]",
            "  - name: web",
            "    applications:",
            "      - checkout",
            "");

    @TempDir
    Path dir;

    private List<MappingProblem> problemsOf(String content) {
        return MappingFiles.problemsOf(TeamFiles.write(dir, content));
    }

    /** The one problem of {@code content}, checked to sit where {@code within} starts inside {@code marker}. */
    private MappingProblem onlyProblemAt(String content, String marker, String within) {
        int index = content.indexOf(marker);
        assertThat(index).as("marker " + marker).isNotNegative();
        index += marker.indexOf(within);
        List<MappingProblem> problems = problemsOf(content);
        assertThat(problems).as(problems.toString()).hasSize(1);
        MappingProblem problem = problems.get(0);
        String upTo = content.substring(0, index);
        assertThat(problem.file()).isEqualTo(TeamsMapping.FILE_NAME);
        assertThat(problem.line()).as("line").isEqualTo(upTo.chars().filter(c -> c == '\n').count() + 1);
        assertThat(problem.column()).as("column").isEqualTo(index - upTo.lastIndexOf('\n'));
        assertThat(problem.fix()).isNotBlank();
        assertThat(problem.format()).startsWith(TeamsMapping.FILE_NAME + ":" + problem.line() + ":"
                + problem.column() + ": ");
        return problem;
    }

    @Test
    void aGoodFileGivesEachTeamItsApplications() {
        TeamsMapping teams = TeamFiles.load(dir, GOOD);

        assertThat(teams.teams()).containsExactly(
                new Team("payments", "Payments squad", List.of("payment-gateway", "billing")),
                new Team("web", null, List.of("checkout")));
        assertThat(teams.teamOf("billing")).isEqualTo("payments");
        assertThat(teams.teamOf("checkout")).isEqualTo("web");
        assertThat(teams.teamOf("search")).isEqualTo(TeamsMapping.UNASSIGNED);
        assertThat(teams.names()).containsExactly("payments", "web", "unassigned");
        assertThat(teams.shownNames()).containsExactly(java.util.Map.entry("payments", "Payments squad"),
                java.util.Map.entry("web", "web"), java.util.Map.entry("unassigned", "Unassigned"));
        assertThat(teams.knows("unassigned")).isTrue();
        assertThat(teams.knows("search")).isFalse();
    }

    @Test
    void theShippedFileCoversTheDemoApplications() {
        TeamsMapping teams = MappingFiles.load(MappingFiles.SHIPPED_DIR).teams().orElseThrow();

        assertThat(teams.teamOf("payment-gateway")).isEqualTo("payments");
        assertThat(teams.teamOf("checkout")).isEqualTo("storefront");
    }

    @Test
    void withoutTheFileThereAreNoTeams() throws Exception {
        TeamFiles.write(dir, GOOD);
        Files.delete(dir.resolve(TeamsMapping.FILE_NAME));

        LoadedMappings loaded = MappingFiles.load(dir);

        assertThat(loaded.teams()).isEmpty();
        assertThat(loaded.files()).doesNotContain(TeamsMapping.FILE_NAME);
    }

    @Test
    void anApplicationUnderTwoTeamsIsNamedWhereItIsListedTheSecondTime() {
        String content = GOOD.replace("      - checkout", "      - billing");

        MappingProblem problem = onlyProblemAt(content, "      - billing", "billing");

        assertThat(problem.path()).isEqualTo("teams[1].applications[0]");
        assertThat(problem.message()).isEqualTo("application `billing` is already listed under team `payments`"
                + " (line 5); an application belongs to at most one team");
    }

    @Test
    void anApplicationListedTwiceInOneTeamIsNamed() {
        String content = GOOD.replace("[payment-gateway, billing]", "[payment-gateway, payment-gateway]");

        MappingProblem problem = onlyProblemAt(content, ", payment-gateway]", "payment-gateway");

        assertThat(problem.message()).startsWith("application `payment-gateway` is already listed under this team");
    }

    @Test
    void aRepeatedTeamNameIsNamedWithItsFirstLine() {
        String content = GOOD.replace("name: web", "name: payments");

        MappingProblem problem = onlyProblemAt(content, "  - name: payments\n    applications", "payments");

        assertThat(problem.path()).isEqualTo("teams[1].name");
        assertThat(problem.message()).isEqualTo("team `payments` is listed twice (first at line 3)");
    }

    @Test
    void aBlankTeamNameIsNamed() {
        String content = GOOD.replace("name: web", "name: \"  \"");

        MappingProblem problem = onlyProblemAt(content, "name: \"  \"", "\"");

        assertThat(problem.path()).isEqualTo("teams[1].name");
        assertThat(problem.message()).isEqualTo("is empty");
    }

    @Test
    void aMissingTeamNameIsNamedAtTheTeam() {
        String content = GOOD.replace("  - name: web\n    applications:", "  - applications:");

        MappingProblem problem = onlyProblemAt(content, "  - applications:", "applications");

        assertThat(problem.message()).isEqualTo("missing `name`");
    }

    @Test
    void anUnknownKeyIsNamedWithTheNearestKnownOne() {
        String content = GOOD.replace("    display-name: Payments squad", "    displayname: Payments squad");

        MappingProblem problem = onlyProblemAt(content, "displayname:", "displayname");

        assertThat(problem.message()).isEqualTo("unknown key `displayname`; did you mean `display-name`?");
        assertThat(problem.fix()).isEqualTo("rename it to `display-name`");
    }

    @Test
    void anUnknownTopLevelKeyIsNamed() {
        String content = GOOD + "owners: []\n";

        MappingProblem problem = onlyProblemAt(content, "owners:", "owners");

        assertThat(problem.message()).startsWith("unknown key `owners`");
    }

    @Test
    void theReservedNameAndANameNotInFormAreRefused() {
        MappingProblem reserved = onlyProblemAt(GOOD.replace("name: web", "name: unassigned"), "name: unassigned",
                "unassigned");
        assertThat(reserved.message()).contains("is reserved for the applications no team owns");

        MappingProblem form = onlyProblemAt(GOOD.replace("name: web", "name: Web Shop"), "name: Web Shop", "Web");
        assertThat(form.message()).isEqualTo("team name `Web Shop` must be lower-case words joined by hyphens");
        assertThat(form.fix()).isEqualTo("write `web-shop`");
    }

    @Test
    void aTeamWithoutApplicationsAndAFileWithoutTeamsAreRefused() {
        MappingProblem none = onlyProblemAt(GOOD.replace("[payment-gateway, billing]", "[]"), "[]", "[");
        assertThat(none.message()).isEqualTo("the team owns no application");

        String empty = "version: 1\nteams: []\n";
        MappingProblem noTeams = onlyProblemAt(empty, "[]", "[");
        assertThat(noTeams.message()).isEqualTo("no team defined");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String content = GOOD.replace("name: web", "name: payments").replace("      - checkout", "      - billing");

        assertThat(problemsOf(content)).extracting(MappingProblem::path)
                .containsExactly("teams[1].name", "teams[1].applications[0]");
    }
}
