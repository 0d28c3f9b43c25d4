package io.retrobridge.mapping.text;

/**
 * How deep a document may nest before its deeper parts are flattened to plain paragraphs. Real
 * documents nest a handful of levels; the limit keeps hostile input from exhausting the stack.
 */
final class Nesting {

    static final int MAX_DEPTH = 40;

    private Nesting() {
    }
}
