package io.retrobridge.mapping;

import io.retrobridge.mapping.text.PlainText;
import io.retrobridge.mapping.text.TextConverter;
import java.util.Objects;

/** The converter for each text format a mapping file can name. */
public record TextConverters(TextConverter adf, TextConverter html, TextConverter plain) {

    public TextConverters {
        Objects.requireNonNull(adf, "adf");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(plain, "plain");
    }

    /** Text kept as it is for every format: enough to validate files, not to talk to Jira Cloud. */
    public static TextConverters plainOnly() {
        PlainText plain = new PlainText();
        return new TextConverters(plain, plain, plain);
    }

    public TextConverter forFormat(TextFormat format) {
        return switch (format) {
            case ADF -> adf;
            case HTML -> html;
            case PLAIN -> plain;
        };
    }
}
