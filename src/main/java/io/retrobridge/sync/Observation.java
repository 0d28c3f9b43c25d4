package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What one side holds for an entity right now, already translated to canonical field values, and when
 * that side says it last changed.
 */
public record Observation(ExternalSystem source, Map<String, String> fields, Instant changedAt) {

    public Observation {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(changedAt, "changedAt");
        fields = Map.copyOf(fields);
    }
}
