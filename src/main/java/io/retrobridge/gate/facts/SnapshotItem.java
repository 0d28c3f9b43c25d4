package io.retrobridge.gate.facts;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Priority;
import io.retrobridge.domain.Snapshot;
import java.time.DateTimeException;
import java.time.LocalDate;
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
        Priority priority = parse(Priority.class, fields.get("priority"), Priority.MEDIUM);
        return new ActionItem(title == null ? fallbackTitle : title, null, status(fields.get("status")), priority,
                null, dueDate(fields.get("due-date")), words(fields.get("labels"), true),
                words(fields.get("components"), false), failureMode(fields.get("failure-mode")), null);
    }

    /** A snapshot's status as an item reads it: open when absent or unknown. */
    public static ActionStatus status(String value) {
        return parse(ActionStatus.class, value, ActionStatus.OPEN);
    }

    /** A snapshot's failure-mode tag as an item reads it: absent when blank or not a single word. */
    public static String failureMode(String value) {
        String failureMode = blankToNull(value);
        return failureMode == null || failureMode.chars().anyMatch(Character::isWhitespace) ? null : failureMode;
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

    /** A snapshot's due date as an item reads it: absent when blank or not an ISO date. */
    public static LocalDate dueDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return isPlainIsoDate(text) ? LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10))
                    : LocalDate.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** yyyy-MM-dd, read without a formatter: reports read tens of thousands of them. */
    private static boolean isPlainIsoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
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
