package io.retrobridge.mapping.pir;

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

    MappingReloader reloader;

    @BeforeEach
    void start() throws MappingValidationException {
        PirFiles.write(dir, PirFiles.shipped());
        reloader = MappingReloader.loadAtStartup(dir, new MappingLoader(TextFormatConverters.plainOnly()),
                Clock.systemUTC());
    }

    private PirMetricsMapping running() {
        return reloader.currentMappings().pirMetrics().orElseThrow();
    }

    private void save(String content) throws IOException {
        Files.writeString(dir.resolve(PirMetricsMapping.FILE_NAME), content);
    }

    @Test
    void anEditedFileIsInForceAfterTheNextLook() throws IOException {
        assertThat(running().windows().after()).isEqualTo(Duration.ofHours(1));

        save(PirFiles.shippedWith("after: 1h", "after: 2h"));
        ReloadOutcome outcome = reloader.reloadIfChanged();

        assertThat(outcome.result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().windows().after()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aBrokenEditIsRefusedAndTheLastGoodFileKeepsRunning() throws IOException {
        LoadedMappings before = reloader.currentMappings().get();
        String broken = PirFiles.shippedWith("after: 1h", "after: 2hours");
        save(broken);

        ReloadOutcome refused = reloader.reloadIfChanged();

        assertThat(refused.result()).isEqualTo(ReloadOutcome.Result.REFUSED);
        assertThat(refused.problems()).extracting(MappingProblem::format).containsExactly(
                PirMetricsMapping.FILE_NAME + ":" + MappingFiles.lineOf(broken, "2hours") + ":"
                        + MappingFiles.columnOf(broken, "2hours") + ": windows.after: `2hours` is not a positive"
                        + " duration (write a whole number and a unit, s, m, h or d, e.g. `1h`, `90s` or `5m`)");
        assertThat(reloader.currentMappings().get()).isSameAs(before);
        assertThat(running().windows().after()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDeletedFileTurnsCollectionOffAndAnAddedOneOn() throws IOException {
        Files.delete(dir.resolve(PirMetricsMapping.FILE_NAME));
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(reloader.currentMappings().pirMetrics()).isEmpty();

        save(PirFiles.shipped());
        assertThat(reloader.reloadIfChanged().result()).isEqualTo(ReloadOutcome.Result.RELOADED);
        assertThat(running().metrics()).hasSize(3);
    }

    @Test
    void validateMappingsReportsABrokenFileWithItsLine() throws IOException {
        String broken = PirFiles.shippedWith("    better: higher", "    better: hihger");
        save(broken);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new MappingValidationCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                dir.resolve(PirMetricsMapping.FILE_NAME) + ":" + MappingFiles.lineOf(broken, "hihger") + ":"
                        + MappingFiles.columnOf(broken, "hihger") + ": metrics[2].better: `hihger` is not allowed here;"
                        + " expected one of lower, higher (did you mean `higher`?) (use higher)",
                "1 problem in " + dir + "/; nothing was changed");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
