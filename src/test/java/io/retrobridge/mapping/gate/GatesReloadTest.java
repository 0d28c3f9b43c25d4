package io.retrobridge.mapping.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingProblem;
import io.retrobridge.mapping.MappingValidationException;
import io.retrobridge.mapping.OptionalMappingFileFolder;
import io.retrobridge.mapping.ReloadOutcome;
import java.io.IOException;
import java.nio.file.Path;
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

    OptionalMappingFileFolder folder;

    @BeforeEach
    void start() throws MappingValidationException {
        folder = OptionalMappingFileFolder.watch(GateFiles.write(dir, GateFiles.shipped()), GatePolicy.FILE_NAME);
    }

    private GatePolicy running() {
        return folder.current().gates().orElseThrow();
    }

    @Test
    void anEditedFileIsInForceAfterTheNextLook() throws IOException {
        assertThat(running().tierOf("checkout").name()).isEqualTo("high");

        folder.save(GateFiles.shippedWith("  checkout: high", "  checkout: standard"));
        ReloadOutcome outcome = folder.reload();

        assertThat(outcome.result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().tierOf("checkout").name()).isEqualTo("standard");
    }

    @Test
    void aBrokenEditIsRefusedAndTheLastGoodFileKeepsRunning() throws IOException {
        LoadedMappings before = folder.current().get();
        String broken = GateFiles.shippedWith("  checkout: high", "  checkout: hgh");
        folder.save(broken);

        ReloadOutcome refused = folder.reload();

        assertThat(refused.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        assertThat(refused.problems()).extracting(MappingProblem::format).containsExactly(
                GatePolicy.FILE_NAME + ":" + MappingFiles.lineOf(broken, "hgh") + ":"
                        + MappingFiles.columnOf(broken, "hgh") + ": applications.checkout: tier `hgh` is not defined"
                        + " under `tiers`; did you mean `high`? (write `high`)");
        assertThat(folder.current().get()).isSameAs(before);
        assertThat(running().tierOf("checkout").name()).isEqualTo("high");
    }

    @Test
    void aDeletedFileTakesThePolicyAwayAndAnAddedOneBringsItBack() throws IOException {
        folder.delete();
        assertThat(folder.reload().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(folder.current().gates()).isEmpty();

        folder.save(GateFiles.shipped());
        assertThat(folder.reload().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().gates()).containsOnlyKeys("prod", "canary");
    }

    @Test
    void validateMappingsCountsTheTiersOfAValidFile() {
        folder.assertValidatesAs("2 files, 5 rules, 2 gate tiers");
    }

    @Test
    void validateMappingsReportsABrokenFileWithItsLine() throws IOException {
        String broken = GateFiles.shippedWith("who: jane.doe@example.com", "who: jane.doe");
        folder.save(broken);
        folder.assertRefusedByValidation(MappingFiles.lineOf(broken, "jane.doe\n") + ":"
                + MappingFiles.columnOf(broken, "jane.doe\n") + ": waivers[0].who: `jane.doe` is not an e-mail"
                + " address; a waiver names who signed it off (write their e-mail, e.g."
                + " `jane.doe@example.com`)");
    }
}
