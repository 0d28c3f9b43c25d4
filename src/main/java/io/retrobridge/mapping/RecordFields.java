package io.retrobridge.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields of one external record, or the fields to write to one, as plain Java values: {@link String},
 * {@link Number}, {@link Boolean}, {@code null}, {@link List} and {@link Map} (string keys), nested as the system
 * nests them (a Jira status is {@code {"name": "Done"}}, a ServiceNow value a string). Immutable and in the order
 * the fields were put, so a body built from it is the body the mapping wrote, field by field. The ports and the
 * flow pass these; only the adapters and the mapping engine turn them into a JSON library's trees.
 */
public final class RecordFields {

    private static final RecordFields EMPTY = new RecordFields(Map.of());

    private final Map<String, Object> values;

    /** {@code values} must already be frozen (see {@link #freeze}). */
    private RecordFields(Map<String, Object> values) {
        this.values = values;
    }

    public static RecordFields empty() {
        return EMPTY;
    }

    /**
     * The fields of {@code values}, copied.
     *
     * @throws IllegalArgumentException when a value, at any depth, is not one of the plain types above
     */
    public static RecordFields of(Map<String, ?> values) {
        return values.isEmpty() ? EMPTY : new RecordFields(freezeMap(values));
    }

    /** One field. */
    public static RecordFields of(String name, Object value) {
        return builder().put(name, value).build();
    }

    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** A builder that starts from these fields, to add or replace some without copying them twice. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(values));
    }

    /** Whether the field is present, with a value or {@code null}. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value, or null when the field is absent or null. */
    public Object get(String name) {
        return values.get(name);
    }

    /** A scalar as text (numbers and booleans as JSON writes them); null when absent, null, an object or a list. */
    public String text(String name) {
        return textOf(values.get(name));
    }

    /** As {@link #text(String)}, with {@code otherwise} instead of null. */
    public String text(String name, String otherwise) {
        String text = text(name);
        return text == null ? otherwise : text;
    }

    /** An object field (a Jira user, a status); empty when absent or not an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        return values.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A list field (Jira labels, components); empty when absent or not a list. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        return values.get(name) instanceof List<?> list ? (List<Object>) list : List.of();
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The fields as an unmodifiable, ordered map of plain values (JSON libraries write it as the object it is). */
    public Map<String, Object> asMap() {
        return values;
    }

    /** A scalar value as text; null for null, objects and lists. */
    public static String textOf(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordFields fields && values.equals(fields.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects fields in order; {@link #build()} hands them over without a second copy, so it is called once. */
    public static final class Builder {
        private Map<String, Object> values;

        private Builder(Map<String, Object> values) {
            this.values = values;
        }

        /** Adds or replaces a field (a replaced field keeps its place). */
        public Builder put(String name, Object value) {
            values.put(Objects.requireNonNull(name, "name"), freeze(value));
            return this;
        }

        public Builder remove(String name) {
            values.remove(name);
            return this;
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        public RecordFields build() {
            Map<String, Object> built = Objects.requireNonNull(values, "built already");
            values = null;
            return built.isEmpty() ? EMPTY : new RecordFields(Collections.unmodifiableMap(built));
        }
    }

    /** An immutable copy of a plain value. */
    static Object freeze(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return freezeMap(map);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(freeze(element)));
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("a record field holds strings, numbers, booleans, null, lists and maps,"
                + " not " + value.getClass().getName());
    }

    private static Map<String, Object> freezeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, element) -> {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("a record field's object has string keys, not " + key);
            }
            copy.put(name, freeze(element));
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Wraps a map built of frozen values (lists and maps made unmodifiable), with no copy: for {@link RecordJson}. */
    static RecordFields wrap(Map<String, Object> frozen) {
        return frozen.isEmpty() ? EMPTY : new RecordFields(Collections.unmodifiableMap(frozen));
    }
}
