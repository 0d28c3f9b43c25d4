package io.retrobridge.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The shipped default mapping, and edited copies of it written to a test folder. */
final class MappingFiles {

    static final Path SHIPPED_DIR = Path.of("mappings");

    private MappingFiles() {
    }

    static String shipped() {
        try {
            return Files.readString(SHIPPED_DIR.resolve(ActionItemsDefinition.FILE_NAME));
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
    static int lineOf(String content, String text) {
        int index = content.indexOf(text);
        if (index < 0) {
            throw new IllegalArgumentException("not found: " + text);
        }
        return (int) content.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The 1-based column of the first occurrence of {@code text} in its line. */
    static int columnOf(String content, String text) {
        int index = content.indexOf(text);
        return index - content.lastIndexOf('\n', index - 1);
    }

    static List<MappingProblem> problemsOf(Path dir) {
        try {
            new MappingLoader(TextFormatConverters.plainOnly()).load(dir);
        } catch (MappingValidationException e) {
            return e.problems();
        }
        throw new AssertionError("the mapping in " + dir + " was accepted");
    }

    static LoadedMappings load(String content, Path dir) {
        try {
            return new MappingLoader(TextFormatConverters.plainOnly()).load(write(dir, content));
        } catch (MappingValidationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
