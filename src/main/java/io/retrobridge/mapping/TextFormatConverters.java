package io.retrobridge.mapping;

import io.retrobridge.mapping.text.AdfText;
import io.retrobridge.mapping.text.HtmlText;

import io.retrobridge.mapping.text.PlainText;
import io.retrobridge.mapping.text.TextConverter;
import io.retrobridge.mapping.text.WikiText;
import java.util.Objects;

/** The converter for each text format a mapping file can name. */
public record TextFormatConverters(TextConverter adf, TextConverter wiki, TextConverter html, TextConverter plain) {

    public TextFormatConverters {
        Objects.requireNonNull(adf, "adf");
        Objects.requireNonNull(wiki, "wiki");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(plain, "plain");
    }

    /** The real converters: Atlassian Document Format, Jira wiki markup, ServiceNow journal HTML, plain text. */
    public static TextFormatConverters standard() {
        return new TextFormatConverters(new AdfText(), new WikiText(), new HtmlText(), new PlainText());
    }

    /** Text kept as it is for every format: enough to validate files, not to talk to Jira Cloud. */
    public static TextFormatConverters plainOnly() {
        PlainText plain = new PlainText();
        return new TextFormatConverters(plain, plain, plain, plain);
    }

    public TextConverter forFormat(TextFormat format) {
        return switch (format) {
            case ADF -> adf;
            case WIKI -> wiki;
            case HTML -> html;
            case PLAIN -> plain;
        };
    }
}
