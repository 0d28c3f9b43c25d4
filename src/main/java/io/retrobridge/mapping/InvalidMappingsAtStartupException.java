package io.retrobridge.mapping;

import java.nio.file.Path;
import java.util.List;

/** The service cannot start: the mapping files it was pointed at are invalid and there is no last good one. */
public class InvalidMappingsAtStartupException extends IllegalStateException {

    private final transient Path dir;

    public InvalidMappingsAtStartupException(Path dir, MappingValidationException cause) {
        super("The mapping files in " + dir.toAbsolutePath().normalize() + " were refused. Fix them (check with "
                + "`java -jar target/retrobridge.jar " + MappingValidationCommand.NAME + " " + dir + "`) and start again.\n"
                + cause.getMessage(), cause);
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public List<MappingProblem> problems() {
        return ((MappingValidationException) getCause()).problems();
    }
}
