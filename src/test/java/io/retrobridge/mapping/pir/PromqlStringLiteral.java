package io.retrobridge.mapping.pir;

import static org.assertj.core.api.Assertions.fail;

/**
 * A double-quoted PromQL string read as Prometheus reads it (Go's escapes), from just after its opening quote
 * to its closing one; fails on anything Prometheus would refuse.
 */
record PromqlStringLiteral(String value, int end) {

    static PromqlStringLiteral read(String text, int from) {
        StringBuilder value = new StringBuilder();
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return new PromqlStringLiteral(value.toString(), i);
            }
            if (c == '\n') {
                fail("raw line break inside a string in " + text);
            }
            if (c != '\\') {
                value.append(c);
                i++;
                continue;
            }
            char escape = text.charAt(i + 1);
            switch (escape) {
                case '\\', '"', '\'' -> value.append(escape);
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'a' -> value.append('\u0007');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'v' -> value.append('\u000b');
                case 'x' -> {
                    value.append((char) Integer.parseInt(text.substring(i + 2, i + 4), 16));
                    i += 2;
                }
                case 'u' -> {
                    value.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                    i += 4;
                }
                default -> fail("unknown escape \\" + escape + " in " + text);
            }
            i += 2;
        }
        return fail("string never closed in " + text);
    }
}
