package io.retrobridge.mapping.team;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.MappingProblem;
import io.retrobridge.mapping.MappingReloader;
import io.retrobridge.mapping.MappingValidationCommand;
import io.retrobridge.mapping.MappingValidationException;
import io.retrobridge.mapping.ReloadOutcome;
import io.retrobridge.mapping.TextFormatConverters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * teams.yaml is picked up like every mapping file: a running service takes an edit, refuses a broken one and keeps
 * the last good set, and {@code validate-mappings} counts the teams and names a broken line.
 */
class TeamsReloadTest {

    @TempDir
    Path dir;

    MappingReloader reloader;

    @BeforeEach
    void start() throws MappingValidationException {
        TeamFiles.write(dir, TeamFiles.shipped());
        reloader = MappingReloader.loadAtStartup(dir, new MappingLoader(TextFormatConverters.plainOnly()),
                Clock.systemUTC());
    }

    private TeamsMapping running() {
        return reloader.currentMappings().teams().orElseThrow();
    }

    private void save(String content) throws IOException {
        Files.writeString(dir.resolve(TeamsMapping.FILE_NAME), content);
    }

    @Test
    void anEditedFileIsInForceAfterTheNextLook() throws IOException {
        assertThat(running().teamOf("checkout")).isEqualTo("storefront");

        save(TeamFiles.shippedWith("[payment-gateway]", "[payment-gateway, checkout]")
                .replace("[checkout]", "[search]"));

        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().teamOf("checkout")).isEqualTo("payments");
    }

    @Test
    void aBrokenEditIsRefusedAndTheLastGoodFileKeepsRunning() throws IOException {
        LoadedMappings before = reloader.currentMappings().get();
        String broken = TeamFiles.shippedWith("[checkout]", "[payment-gateway]");
        save(broken);

        ReloadOutcome refused = reloader.reloadIfChanged();

        assertThat(refused.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        // The second listing, under storefront, is the one named; the first is under payments.
        int second = broken.lastIndexOf("payment-gateway");
        String upTo = broken.substring(0, second);
        long line = upTo.chars().filter(c -> c == '\n').count() + 1;
        int column = second - upTo.lastIndexOf('\n');
        assertThat(refused.problems()).extracting(MappingProblem::format).containsExactly(
                TeamsMapping.FILE_NAME + ":" + line + ":" + column + ": teams[1].applications[0]: application"
                        + " `payment-gateway` is already listed under team `payments` (line "
                        + MappingFiles.lineOf(broken, "payment-gateway") + "); an application belongs to at most one"
                        + " team (keep it under the one team that owns it)");
        assertThat(reloader.currentMappings().get()).isSameAs(before);
        assertThat(running().teamOf("checkout")).isEqualTo("storefront");
    }

    @Test
    void aDeletedFileTakesTheTeamsAwayAndAnAddedOneBringsThemBack() throws IOException {
        Files.delete(dir.resolve(TeamsMapping.FILE_NAME));
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(reloader.currentMappings().teams()).isEmpty();

        save(TeamFiles.shipped());
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().names()).containsExactly("payments", "storefront", "unassigned");
    }

    @Test
    void validateMappingsCountsTheTeamsOfAValidFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new MappingValidationCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(dir.toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(dir + "/ is valid: 2 files, 5 rules, 2 teams"
                + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void validateMappingsReportsABrokenFileWithItsLine() throws IOException {
        String broken = TeamFiles.shippedWith("  - name: storefront", "  - name: storefront\n    owner: jane");
        save(broken);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new MappingValidationCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                dir.resolve(TeamsMapping.FILE_NAME) + ":" + MappingFiles.lineOf(broken, "owner: jane") + ":5:"
                        + " teams[1].owner: unknown key `owner` (allowed keys here: name, display-name, applications)",
                "1 problem in " + dir + "/; nothing was changed");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
