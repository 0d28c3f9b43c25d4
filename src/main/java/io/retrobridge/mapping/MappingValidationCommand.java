package io.retrobridge.mapping;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code validate-mappings [dir]}: checks the mapping files without starting the service, prints every
 * problem as {@code file:line:col: message (fix)} and answers the process exit code (0 valid, 1 not).
 */
public final class MappingValidationCommand {

    public static final String NAME = "validate-mappings";

    private final PrintStream out;
    private final PrintStream err;

    public MappingValidationCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @param args the arguments after the command name: an optional folder, {@code mappings} by default */
    public int run(String... args) {
        if (args.length > 1) {
            err.println("usage: validate-mappings [dir]   (one folder, default: mappings)");
            return 2;
        }
        Path dir = Path.of(args.length == 1 ? args[0] : "mappings");
        try {
            LoadedMappings loaded = new MappingLoader(TextFormatConverters.standard()).load(dir);
            out.println(dir + "/ is valid: " + loaded.summary());
            return 0;
        } catch (MappingValidationException e) {
            for (MappingProblem problem : e.problems()) {
                String shown = problem.file().equals(dir.toString()) ? problem.file() : dir.resolve(problem.file()).toString();
                err.println(shown + problem.format().substring(problem.file().length()));
            }
            err.println(e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " in " + dir
                    + "/; nothing was changed");
            return 1;
        }
    }
}
