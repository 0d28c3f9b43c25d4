package io.retrobridge.mapping.text;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Finds a text converter by the name mapping files use: adf, wiki, html or plain. */
public final class TextConverters {

    private static final Map<String, TextConverter> BY_NAME = Map.of(
            "adf", new AdfText(),
            "wiki", new WikiText(),
            "html", new HtmlText(),
            "plain", new PlainText());

    private TextConverters() {
    }

    /**
     * @throws IllegalArgumentException naming the allowed names when {@code name} is not one of them
     */
    public static TextConverter byName(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        TextConverter converter = BY_NAME.get(key);
        if (converter == null) {
            throw new IllegalArgumentException("Unknown text format '" + name + "'. Use one of " + names()
                    + ": adf for Jira Cloud, wiki for Jira Server/Data Center, html for ServiceNow journal"
                    + " fields, plain for ServiceNow string fields.");
        }
        return converter;
    }

    /** The names {@link #byName} accepts, sorted. */
    public static Set<String> names() {
        return new TreeSet<>(BY_NAME.keySet());
    }
}
