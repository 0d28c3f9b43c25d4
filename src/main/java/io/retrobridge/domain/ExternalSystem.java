package io.retrobridge.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A system RetroBridge reads from or writes to, known by its upper-case name (the name stored in the database).
 * Open, so a new source adds its system without an edit here; Jira and ServiceNow, the pair action items are
 * synced between, are constants. One instance per name, so systems compare alike with {@code equals} and
 * {@code ==}.
 */
public final class ExternalSystem implements Comparable<ExternalSystem> {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");
    private static final Map<String, ExternalSystem> BY_NAME = new ConcurrentHashMap<>();

    public static final ExternalSystem JIRA = valueOf("JIRA");
    public static final ExternalSystem SERVICENOW = valueOf("SERVICENOW");

    private static final List<ExternalSystem> ACTION_ITEM_SYSTEMS = List.of(JIRA, SERVICENOW);

    private final String name;

    private ExternalSystem(String name) {
        this.name = name;
    }

    /**
     * The system of that name, e.g. {@code JIRA}: upper-case letters, digits and '_', at most 30, starting with a
     * letter.
     */
    public static ExternalSystem valueOf(String name) {
        Objects.requireNonNull(name, "Name is null");
        ExternalSystem known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
                    + "' is not a system name (upper-case letters, digits and '_', at most 30, e.g. JIRA)");
        }
        return BY_NAME.computeIfAbsent(name, ExternalSystem::new);
    }

    /** The systems action items are synced between, Jira first (the order reports and views list them in). */
    public static ExternalSystem[] values() {
        return ACTION_ITEM_SYSTEMS.toArray(ExternalSystem[]::new);
    }

    public String name() {
        return name;
    }

    @Override
    public int compareTo(ExternalSystem other) {
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExternalSystem system && system.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
