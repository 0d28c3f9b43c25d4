package io.retrobridge.mapping;

/**
 * One thing wrong in a mapping file, located so an admin can go straight to it.
 *
 * @param file    the file name as the admin sees it (relative to the mappings folder)
 * @param line    1-based line
 * @param column  1-based column
 * @param path    where in the document, e.g. {@code fields.title.direction}; "" for the whole file
 * @param message what is wrong
 * @param fix     what to do about it
 */
public record MappingProblem(String file, int line, int column, String path, String message, String fix) {

    /** {@code file:line:col: message (fix)}, the form compilers use so editors can jump to it. */
    public String format() {
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message
                + (fix == null || fix.isEmpty() ? "" : " (" + fix + ")");
    }
}
