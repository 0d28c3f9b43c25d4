package io.retrobridge.jira;

import java.util.Objects;

/**
 * One sprint of a board, as the Agile API lists it.
 *
 * @param state {@code active}, {@code future} or {@code closed}
 */
public record JiraSprint(long id, String name, String state) {

    public JiraSprint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
    }

    public boolean isActive() {
        return "active".equals(state);
    }

    public boolean isFuture() {
        return "future".equals(state);
    }
}
