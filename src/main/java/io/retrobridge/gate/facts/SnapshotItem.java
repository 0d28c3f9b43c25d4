package io.retrobridge.gate.facts;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Priority;
import io.retrobridge.domain.Snapshot;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An action item as a link's snapshots last held it: the canonical fields the sync remembered per side, the newer
 * side's value winning. Lenient by design: a field the mapping does not sync, or a value that no longer parses, is
 * read as absent, so one odd snapshot never keeps the gate from answering.
 */
public final class SnapshotItem {

    private SnapshotItem() {
    }

    /** Empty when the link has no snapshot at all (never synced). */
    public static Optional<ActionItem> of(Link link, String fallbackTitle) {
        return of(link.snapshots(), fallbackTitle);
    }

    /** The same from a link's snapshots per side; empty when there are none. */
    public static Optional<ActionItem> of(Map<ExternalSystem, Snapshot> snapshots, String fallbackTitle) {
        if (snapshots.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new TreeMap<>();
        snapshots.values().stream().sorted(Comparator.comparing(Snapshot::at))
                .forEach(snapshot -> snapshot.fields().forEach((name, value) -> {
                    if (value != null) {
                        fields.put(name, value);
                    }
                }));
        return Optional.of(item(fields, fallbackTitle));
    }

    private static ActionItem item(Map<String, String> fields, String fallbackTitle) {
        String title = blankToNull(fields.get("title"));
        ActionStatus status = parse(ActionStatus.class, fields.get("status"), ActionStatus.OPEN);
        Priority priority = parse(Priority.class, fields.get("priority"), Priority.MEDIUM);
        LocalDate due = date(fields.get("due-date"));
        String failureMode = blankToNull(fields.get("failure-mode"));
        if (failureMode != null && failureMode.chars().anyMatch(Character::isWhitespace)) {
            failureMode = null;
        }
        return new ActionItem(title == null ? fallbackTitle : title, null, status, priority, null, due,
                words(fields.get("labels"), true), words(fields.get("components"), false), failureMode, null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Set<String> words(String value, boolean singleWords) {
        Set<String> words = new LinkedHashSet<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::strip).filter(word -> !word.isEmpty())
                    .filter(word -> !singleWords || word.chars().noneMatch(Character::isWhitespace))
                    .forEach(words::add);
        }
        return words;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
