package io.retrobridge.mapping.team;

import io.retrobridge.mapping.MappingFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The shipped teams.yaml, and edited copies of it in a test folder beside the shipped action-items.yaml. */
public final class TeamFiles {

    private TeamFiles() {
    }

    public static String shipped() {
        try {
            return Files.readString(MappingFiles.SHIPPED_DIR.resolve(TeamsMapping.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped file with one exact piece of text replaced; fails loudly if it is not there. */
    public static String shippedWith(String from, String to) {
        String text = shipped();
        if (!text.contains(from)) {
            throw new IllegalArgumentException("The shipped teams.yaml no longer contains: " + from);
        }
        return text.replace(from, to);
    }

    /** A folder holding the shipped action-items.yaml and {@code content} as teams.yaml. */
    public static Path write(Path dir, String content) {
        try {
            Files.copy(MappingFiles.SHIPPED_DIR.resolve("action-items.yaml"), dir.resolve("action-items.yaml"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve(TeamsMapping.FILE_NAME), content);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code content} as the service loads it, beside the shipped action-items.yaml. */
    public static TeamsMapping load(Path dir, String content) {
        return MappingFiles.load(write(dir, content)).teams().orElseThrow();
    }
}
