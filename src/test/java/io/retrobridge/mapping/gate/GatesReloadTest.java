package io.retrobridge.mapping.gate;

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
 * gates.yaml is picked up like every mapping file: a running service takes an edit, refuses a broken one and keeps
 * the last good set, and {@code validate-mappings} names the broken line.
 */
class GatesReloadTest {

    @TempDir
    Path dir;

    MappingReloader reloader;

    @BeforeEach
    void start() throws MappingValidationException {
        GateFiles.write(dir, GateFiles.shipped());
        reloader = MappingReloader.loadAtStartup(dir, new MappingLoader(TextFormatConverters.plainOnly()),
                Clock.systemUTC());
    }

    private GatePolicy running() {
        return reloader.currentMappings().gates().orElseThrow();
    }

    private void save(String content) throws IOException {
        Files.writeString(dir.resolve(GatePolicy.FILE_NAME), content);
    }

    @Test
    void anEditedFileIsInForceAfterTheNextLook() throws IOException {
        assertThat(running().tierOf("checkout").name()).isEqualTo("high");

        save(GateFiles.shippedWith("  checkout: high", "  checkout: standard"));
        ReloadOutcome outcome = reloader.reloadIfChanged();

        assertThat(outcome.result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().tierOf("checkout").name()).isEqualTo("standard");
    }

    @Test
    void aBrokenEditIsRefusedAndTheLastGoodFileKeepsRunning() throws IOException {
        LoadedMappings before = reloader.currentMappings().get();
        String broken = GateFiles.shippedWith("  checkout: high", "  checkout: hgh");
        save(broken);

        ReloadOutcome refused = reloader.reloadIfChanged();

        assertThat(refused.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        assertThat(refused.problems()).extracting(MappingProblem::format).containsExactly(
                GatePolicy.FILE_NAME + ":" + MappingFiles.lineOf(broken, "hgh") + ":"
                        + MappingFiles.columnOf(broken, "hgh") + ": applications.checkout: tier `hgh` is not defined"
                        + " under `tiers`; did you mean `high`? (write `high`)");
        assertThat(reloader.currentMappings().get()).isSameAs(before);
        assertThat(running().tierOf("checkout").name()).isEqualTo("high");
    }

    @Test
    void aDeletedFileTakesThePolicyAwayAndAnAddedOneBringsItBack() throws IOException {
        Files.delete(dir.resolve(GatePolicy.FILE_NAME));
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(reloader.currentMappings().gates()).isEmpty();

        save(GateFiles.shipped());
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().gates()).containsOnlyKeys("prod", "canary");
    }

    @Test
    void validateMappingsCountsTheTiersOfAValidFile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new MappingValidationCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(dir.toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(dir + "/ is valid: 2 files, 5 rules, 2 gate tiers"
                + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void validateMappingsReportsABrokenFileWithItsLine() throws IOException {
        String broken = GateFiles.shippedWith("who: jane.doe@example.com", "who: jane.doe");
        save(broken);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new MappingValidationCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                dir.resolve(GatePolicy.FILE_NAME) + ":" + MappingFiles.lineOf(broken, "jane.doe\n") + ":"
                        + MappingFiles.columnOf(broken, "jane.doe\n") + ": waivers[0].who: `jane.doe` is not an e-mail"
                        + " address; a waiver names who signed it off (write their e-mail, e.g."
                        + " `jane.doe@example.com`)",
                "1 problem in " + dir + "/; nothing was changed");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
