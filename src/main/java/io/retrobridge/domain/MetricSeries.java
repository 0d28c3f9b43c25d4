package io.retrobridge.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One time series a monitoring query answered: its labels and its samples in time order. An instant query's series
 * has one sample.
 */
public record MetricSeries(Map<String, String> labels, List<Sample> samples) {

    /** One value at one time; NaN and infinities are kept as the monitoring system said them. */
    public record Sample(Instant at, double value) {
        public Sample {
            RecordArguments.required(at, "at");
        }
    }

    public MetricSeries {
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        samples = List.copyOf(samples);
    }

    /** The mean of the finite samples; empty when there is none. */
    public OptionalDouble mean() {
        return samples.stream().mapToDouble(Sample::value).filter(Double::isFinite).average();
    }
}
