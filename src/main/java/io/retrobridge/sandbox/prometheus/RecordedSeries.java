package io.retrobridge.sandbox.prometheus;

import java.util.Map;
import java.util.Objects;

/**
 * One series the simulator answers for a query: the labels it carries in the answer's {@code metric} object (empty
 * for an aggregation such as {@code sum(...)}, as in Prometheus) and what it measured.
 */
public record RecordedSeries(Map<String, String> labels, Signal signal) {

    public RecordedSeries {
        labels = Map.copyOf(labels);
        Objects.requireNonNull(signal, "signal");
    }
}
