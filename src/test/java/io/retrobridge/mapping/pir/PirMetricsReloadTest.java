package io.retrobridge.mapping.pir;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingProblem;
import io.retrobridge.mapping.MappingValidationException;
import io.retrobridge.mapping.OptionalMappingFileFolder;
import io.retrobridge.mapping.ReloadOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pir-metrics.yaml is picked up like every mapping file: a running service takes an edit, refuses a broken one and
 * keeps the last good set, and {@code validate-mappings} names the broken line.
 */
class PirMetricsReloadTest {

    @TempDir
    Path dir;

    OptionalMappingFileFolder folder;

    @BeforeEach
    void start() throws MappingValidationException {
        folder = OptionalMappingFileFolder.watch(PirFiles.write(dir, PirFiles.shipped()), PirMetricsMapping.FILE_NAME);
    }

    private PirMetricsMapping running() {
        return folder.current().pirMetrics().orElseThrow();
    }

    @Test
    void anEditedFileIsInForceAfterTheNextLook() throws IOException {
        assertThat(running().windows().after()).isEqualTo(Duration.ofHours(1));

        folder.save(PirFiles.shippedWith("after: 1h", "after: 2h"));
        ReloadOutcome outcome = folder.reload();

        assertThat(outcome.result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().windows().after()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aBrokenEditIsRefusedAndTheLastGoodFileKeepsRunning() throws IOException {
        LoadedMappings before = folder.current().get();
        String broken = PirFiles.shippedWith("after: 1h", "after: 2hours");
        folder.save(broken);

        ReloadOutcome refused = folder.reload();

        assertThat(refused.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        assertThat(refused.problems()).extracting(MappingProblem::format).containsExactly(
                PirMetricsMapping.FILE_NAME + ":" + MappingFiles.lineOf(broken, "2hours") + ":"
                        + MappingFiles.columnOf(broken, "2hours") + ": windows.after: `2hours` is not a positive"
                        + " duration (write a whole number and a unit, s, m, h or d, e.g. `1h`, `90s` or `5m`)");
        assertThat(folder.current().get()).isSameAs(before);
        assertThat(running().windows().after()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDeletedFileTurnsCollectionOffAndAnAddedOneOn() throws IOException {
        folder.delete();
        assertThat(folder.reload().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(folder.current().pirMetrics()).isEmpty();

        folder.save(PirFiles.shipped());
        assertThat(folder.reload().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().metrics()).hasSize(3);
    }

    @Test
    void validateMappingsReportsABrokenFileWithItsLine() throws IOException {
        String broken = PirFiles.shippedWith("    better: higher", "    better: hihger");
        folder.save(broken);
        folder.assertRefusedByValidation(MappingFiles.lineOf(broken, "hihger") + ":"
                + MappingFiles.columnOf(broken, "hihger") + ": metrics[2].better: `hihger` is not allowed here;"
                + " expected one of lower, higher (did you mean `higher`?) (use higher)");
    }
}
