package io.retrobridge.web.security;

import java.util.List;

/** The API key settings cannot be used; the message lists every problem by property name, never a key value. */
public class InvalidApiKeySettingsException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidApiKeySettingsException(List<String> problems) {
        super("Invalid API key settings under " + ApiSecurityProperties.PREFIX + ":" + System.lineSeparator()
                + String.join(System.lineSeparator(), problems.stream().map(p -> "  - " + p).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
