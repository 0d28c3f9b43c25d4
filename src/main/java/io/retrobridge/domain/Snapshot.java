package io.retrobridge.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The canonical field values we last wrote to, or last saw on, one side of a link. Comparing a new projection
 * with it is how echoes of our own writes are recognised. A field present with a null value was empty on that
 * side; an absent field was not part of the projection.
 */
public record Snapshot(Map<String, String> fields, Instant at) {

    public Snapshot {
        RecordArguments.required(fields, "fields");
        RecordArguments.required(at, "at");
        TreeMap<String, String> sorted = new TreeMap<>();
        fields.forEach((name, value) -> sorted.put(RecordArguments.notBlank(name, "snapshot field name"), value));
        fields = Collections.unmodifiableMap(sorted);
    }

    /** The value of one field, empty when the field is absent or was empty on that side. */
    public Optional<String> value(String field) {
        return Optional.ofNullable(fields.get(field));
    }
}
