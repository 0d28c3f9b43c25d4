package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate-mappings [dir]} as an admin or a CI job runs it. */
class MappingValidationCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MappingValidationCommand command = new MappingValidationCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void validFolderExitsZeroWithASummary() {
        assertThat(command.run("mappings")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("mappings/ is valid: 7 files, 5 rules, 2 escalation ladders,"
                + " 3 review boards, 6 retrospective rules, 3 PIR metrics, 2 gate tiers, 4 teams" + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void defaultFolderIsMappings() {
        assertThat(command.run()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("mappings/ is valid");
    }

    @Test
    void invalidFolderExitsOneListingEveryProblemWithItsPlace(@TempDir Path dir) {
        String content = MappingFiles.shippedWith("    owner: servicenow", "    ownr: servicenow")
                .replace("conflict: park ", "conflict: parked ");
        MappingFiles.write(dir, content);
        assertThat(command.run(dir.toString())).isEqualTo(1);
        String printed = err.toString(StandardCharsets.UTF_8);
        String file = dir.resolve("action-items.yaml").toString();
        assertThat(printed.lines()).containsExactly(
                file + ":" + MappingFiles.lineOf(content, "parked") + ":15: fields.status.conflict: `parked` is not allowed"
                        + " here; expected one of owner-wins, newest-wins, park (did you mean `park`?) (use park)",
                file + ":" + MappingFiles.lineOf(content, "ownr") + ":5: fields.assignee.ownr: unknown key `ownr`; did you"
                        + " mean `owner`? (rename it to `owner`)",
                "2 problems in " + dir + "/; nothing was changed");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingFolderExitsOne(@TempDir Path dir) {
        assertThat(command.run(dir.resolve("nope").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("mappings folder does not exist");
    }

    @Test
    void tooManyArgumentsIsAUsageError() {
        assertThat(command.run("a", "b")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: validate-mappings [dir]");
    }
}
