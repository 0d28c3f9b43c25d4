package io.retrobridge.mapping;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns invalid mapping files at start-up into Spring Boot's "APPLICATION FAILED TO START" report: every
 * problem on its own line, where an editor can jump to it, instead of a bean-creation stack trace.
 */
public class InvalidMappingsFailureAnalyzer implements FailureAnalyzer, Ordered {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidMappingsAtStartupException invalid) {
                return analysis(invalid);
            }
        }
        return null;
    }

    private static FailureAnalysis analysis(InvalidMappingsAtStartupException invalid) {
        String dir = invalid.dir().toAbsolutePath().normalize().toString();
        String description = "The mapping files in " + dir + " are invalid:\n" + invalid.problems().stream()
                .map(problem -> "  " + problem.format()).collect(Collectors.joining("\n"));
        String action = "Fix them (check with java -jar target/retrobridge.jar " + MappingValidationCommand.NAME + " "
                + invalid.dir() + ") or point retrobridge.mappings.dir elsewhere.";
        return new FailureAnalysis(description, action, invalid);
    }

    /** Before Boot's generic analyzers; after the settings analyzers, which concern earlier failures. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
