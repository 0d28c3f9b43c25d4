package io.retrobridge.sandbox.jira;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which fields to return, from a {@code fields} parameter as Jira reads it: {@code *all},
 * {@code *navigable} (all but comments), field ids, and {@code -id} to leave one out. Ids it does not
 * know are ignored, as Jira ignores them.
 */
final class FieldSelection {

    static final List<String> ALL = List.of("summary", "issuetype", "project", "status", "priority", "assignee",
            "reporter", "creator", "labels", "components", "description", "duedate", "created", "updated",
            "resolution", "resolutiondate", "statuscategorychangedate", "comment", "fixVersions",
            FieldEdits.SPRINT_FIELD);

    private final Set<String> chosen;

    private FieldSelection(Set<String> chosen) {
        this.chosen = chosen;
    }

    static FieldSelection none() {
        return new FieldSelection(Set.of());
    }

    /** @param requested comma-separated or repeated values; empty means {@code fallback} */
    static FieldSelection parse(List<String> requested, String fallback) {
        List<String> items = new ArrayList<>();
        for (String value : requested.isEmpty() ? List.of(fallback) : requested) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String item : items) {
            switch (item) {
                case "*all" -> chosen.addAll(ALL);
                case "*navigable" -> ALL.stream().filter(f -> !f.equals("comment")).forEach(chosen::add);
                default -> {
                    if (!item.startsWith("-") && ALL.contains(item)) {
                        chosen.add(item);
                    }
                }
            }
        }
        items.stream().filter(i -> i.startsWith("-")).map(i -> i.substring(1)).forEach(chosen::remove);
        return new FieldSelection(chosen);
    }

    boolean includes(String field) {
        return chosen.contains(field);
    }

    boolean isEmpty() {
        return chosen.isEmpty();
    }

    /** Whether a search page asking for these fields is held to the smaller page size Jira Cloud uses for full issues. */
    boolean isHeavy() {
        return chosen.size() > 10 || chosen.contains("comment") || chosen.contains("description");
    }

    List<String> inOrder() {
        return ALL.stream().filter(chosen::contains).toList();
    }
}
