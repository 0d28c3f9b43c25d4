package io.retrobridge.jira;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of a Jira project, as {@code GET /project/{key}/versions} lists it.
 *
 * @param releaseDate null when the version has none
 */
public record JiraVersion(String id, String name, boolean released, boolean archived, LocalDate releaseDate) {

    public JiraVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
