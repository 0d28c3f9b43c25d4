package io.retrobridge.mapping.team;

import java.util.List;
import java.util.Objects;

/**
 * One team and the applications it owns.
 *
 * @param name         lower-case words joined by hyphens; how the reports' {@code team} filter names it
 * @param displayName  how people call it, e.g. "Payments"; null when the file gives none
 * @param applications as deployments and retrospectives name them, in the file's order
 */
public record Team(String name, String displayName, List<String> applications) {

    public Team {
        Objects.requireNonNull(name, "name");
        applications = List.copyOf(applications);
    }

    /** The display name, or the name when there is none. */
    public String shownName() {
        return displayName == null ? name : displayName;
    }
}
