package io.retrobridge.mapping;

import io.retrobridge.domain.ExternalSystem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value map between a canonical enum (status, priority) and each side's codes. Every canonical value
 * lists the external values that mean it on each side; the first is what is written, all are read.
 * An external value may span several fields (ServiceNow {@code state} + {@code close_code}, or
 * {@code impact} + {@code urgency}), so each alternative is a small field-to-value map.
 *
 * @param name         the map's name in the file, e.g. {@code status}
 * @param entries      canonical value to its alternatives, in file order
 * @param defaultValue used for external values with no entry and canonical values with none for a side
 */
public record CodeMap<E extends Enum<E>>(String name, Map<E, Alternatives> entries, E defaultValue) {

    /** What one canonical value is called on each side; each list in preference order. */
    public record Alternatives(List<Map<String, String>> jira, List<Map<String, String>> servicenow) {
        public Alternatives {
            jira = jira.stream().map(Map::copyOf).toList();
            servicenow = servicenow.stream().map(Map::copyOf).toList();
        }

        List<Map<String, String>> on(ExternalSystem side) {
            return side == ExternalSystem.JIRA ? jira : servicenow;
        }
    }

    /** A looked-up value and, when the default stood in, the journal note saying so. */
    public record Lookup<T>(T value, String note) {
        public boolean usedDefault() {
            return note != null;
        }
    }

    public CodeMap {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * The canonical value for what a side holds. The most specific matching alternative wins, so
     * {@code state 157 + close_code canceled} beats a plain {@code state 157}.
     */
    public Lookup<E> read(ExternalSystem side, Map<String, String> external) {
        E best = null;
        int bestSize = -1;
        for (Map.Entry<E, Alternatives> entry : entries.entrySet()) {
            for (Map<String, String> alternative : entry.getValue().on(side)) {
                if (alternative.size() > bestSize && matches(alternative, external)) {
                    best = entry.getKey();
                    bestSize = alternative.size();
                }
            }
        }
        if (best != null) {
            return new Lookup<>(best, null);
        }
        Map<String, String> given = new LinkedHashMap<>(external);
        given.values().removeIf(String::isEmpty);
        return new Lookup<>(defaultValue, name + " " + (given.isEmpty() ? "(empty)" : describe(given)) + " from " + YamlName.of(side)
                + " has no mapping in values." + name + "; used default `" + YamlName.of(defaultValue) + "`");
    }

    /** What to write on a side for a canonical value: its first alternative, or the default's. */
    public Lookup<Map<String, String>> write(ExternalSystem side, E value) {
        Alternatives own = entries.get(value);
        if (own != null && !own.on(side).isEmpty()) {
            return new Lookup<>(own.on(side).get(0), null);
        }
        Map<String, String> fallback = entries.get(defaultValue).on(side).get(0);
        return new Lookup<>(fallback, name + " `" + YamlName.of(value) + "` has no " + YamlName.of(side)
                + " value in values." + name + "; used default `" + YamlName.of(defaultValue) + "` ("
                + describe(fallback) + ")");
    }

    private static boolean matches(Map<String, String> alternative, Map<String, String> external) {
        return alternative.entrySet().stream()
                .allMatch(e -> e.getValue().equals(external.getOrDefault(e.getKey(), "")));
    }

    static String describe(Map<String, String> values) {
        if (values.size() == 1) {
            return "`" + values.values().iterator().next() + "`";
        }
        StringBuilder text = new StringBuilder();
        values.forEach((field, value) -> text.append(text.length() == 0 ? "" : ", ").append(field).append(" `")
                .append(value).append('`'));
        return text.toString();
    }
}
