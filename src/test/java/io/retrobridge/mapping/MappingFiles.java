package io.retrobridge.mapping;

import io.retrobridge.mapping.escalation.EscalationPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped default mapping files, and edited copies of them written to a test folder. */
public final class MappingFiles {

    public static final Path SHIPPED_DIR = Path.of("mappings");

    private MappingFiles() {
    }

    static String shipped() {
        return read(ActionItemsDefinition.FILE_NAME);
    }

    public static String shippedEscalations() {
        return read(EscalationPolicy.FILE_NAME);
    }

    /** The shipped escalations.yaml with one exact piece of text replaced; fails loudly if it is not there. */
    public static String shippedEscalationsWith(String from, String to) {
        String text = shippedEscalations();
        if (!text.contains(from)) {
            throw new IllegalArgumentException("The shipped escalations.yaml no longer contains: " + from);
        }
        return text.replace(from, to);
    }

    /** A folder holding the shipped action-items.yaml and {@code escalations} as escalations.yaml. */
    public static Path writeEscalations(Path dir, String escalations) {
        try {
            Path actionItems = dir.resolve(ActionItemsDefinition.FILE_NAME);
            if (!Files.exists(actionItems)) {
                Files.writeString(actionItems, shipped());
            }
            Files.writeString(dir.resolve(EscalationPolicy.FILE_NAME), escalations);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String fileName) {
        try {
            return Files.readString(SHIPPED_DIR.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped file with one exact piece of text replaced; fails loudly if the piece is not there. */
    static String shippedWith(String from, String to) {
        String text = shipped();
        if (!text.contains(from)) {
            throw new IllegalArgumentException("The shipped mapping no longer contains: " + from);
        }
        return text.replace(from, to);
    }

    static Path write(Path dir, String content) {
        try {
            Files.writeString(dir.resolve(ActionItemsDefinition.FILE_NAME), content);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first occurrence of {@code text} in {@code content}. */
    public static int lineOf(String content, String text) {
        int index = content.indexOf(text);
        if (index < 0) {
            throw new IllegalArgumentException("not found: " + text);
        }
        return (int) content.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The 1-based column of the first occurrence of {@code text} in its line. */
    public static int columnOf(String content, String text) {
        int index = content.indexOf(text);
        return index - content.lastIndexOf('\n', index - 1);
    }

    public static List<MappingProblem> problemsOf(Path dir) {
        try {
            new MappingLoader(TextFormatConverters.plainOnly()).load(dir);
        } catch (MappingValidationException e) {
            return e.problems();
        }
        throw new AssertionError("the mapping in " + dir + " was accepted");
    }

    /** The folder as the service would load it; fails the test with every problem when it is refused. */
    public static LoadedMappings load(Path dir) {
        try {
            return new MappingLoader(TextFormatConverters.plainOnly()).load(dir);
        } catch (MappingValidationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static LoadedMappings load(String content, Path dir) {
        try {
            return new MappingLoader(TextFormatConverters.plainOnly()).load(write(dir, content));
        } catch (MappingValidationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
