package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A test folder holding one optional mapping file (teams.yaml, gates.yaml, pir-metrics.yaml) beside the files it
 * needs, watched by a reloader as a running service watches its mappings folder; and {@code validate-mappings} run
 * over the same folder. The reload and validation tests of each optional file share this; each keeps its own cases.
 */
public final class OptionalMappingFileFolder {

    private final Path dir;
    private final String fileName;
    private final MappingReloader reloader;

    private OptionalMappingFileFolder(Path dir, String fileName, MappingReloader reloader) {
        this.dir = dir;
        this.fileName = fileName;
        this.reloader = reloader;
    }

    /** Starts a reloader over {@code dir}, already written, the way the service starts over its folder. */
    public static OptionalMappingFileFolder watch(Path dir, String fileName) throws MappingValidationException {
        return new OptionalMappingFileFolder(dir, fileName, MappingReloader.loadAtStartup(dir,
                new MappingLoader(TextFormatConverters.plainOnly()), Clock.systemUTC()));
    }

    /** The mappings in force now. */
    public CurrentMappings current() {
        return reloader.currentMappings();
    }

    /** Writes {@code content} as the file, for the next look to find. */
    public void save(String content) throws IOException {
        Files.writeString(dir.resolve(fileName), content);
    }

    public void delete() throws IOException {
        Files.delete(dir.resolve(fileName));
    }

    /** The reloader's next look at the folder. */
    public ReloadOutcome reload() {
        return reloader.reloadIfChanged();
    }

    /** {@code validate-mappings} over the folder accepts it, printing only {@code summary} (e.g. "2 files, ..."). */
    public void assertValidatesAs(String summary) {
        Validation run = validate();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(dir + "/ is valid: " + summary + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    /**
     * {@code validate-mappings} over the folder refuses it, printing nothing but {@code problem} (after the file's path
     * and a colon) and that nothing was changed.
     */
    public void assertRefusedByValidation(String problem) {
        Validation run = validate();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines()).containsExactly(dir.resolve(fileName) + ":" + problem,
                "1 problem in " + dir + "/; nothing was changed");
        assertThat(run.out()).isEmpty();
    }

    private Validation validate() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new MappingValidationCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(dir.toString());
        return new Validation(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Validation(int exit, String out, String err) {
    }
}
