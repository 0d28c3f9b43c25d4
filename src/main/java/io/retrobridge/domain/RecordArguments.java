package io.retrobridge.domain;

import java.util.Objects;

/** Argument checks shared by the sync records, so every refusal reads the same way. */
final class RecordArguments {

    /** Longest identifier we keep: Jira keys and ids and ServiceNow sys_ids are far shorter. */
    static final int MAX_ID_LENGTH = 255;

    private RecordArguments() {
    }

    static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required but was null");
    }

    static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required but was " + (value == null ? "null" : "blank"));
        }
        return value;
    }

    static String identifier(String value, String name) {
        notBlank(value, name);
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(name + " has " + value.length() + " characters; at most "
                    + MAX_ID_LENGTH + " are allowed (it should be an id, not a text)");
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(name + " '" + value + "' starts or ends with white space; trim it");
        }
        return value;
    }
}
