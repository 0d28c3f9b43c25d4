package io.retrobridge.sync;

import io.retrobridge.domain.MetricSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A monitoring system that answers metric queries (Prometheus and what speaks its query API). Queries are PromQL
 * text, already filled in; an implementation sends them as they are, never edits them.
 */
public interface MetricQueries {

    /** "Prometheus": the system's name in messages. */
    String systemName();

    /**
     * The series of a query over [start, end], one sample per step.
     *
     * @throws MetricsUnavailableException when the system cannot answer (down, slow, refusing the query)
     */
    List<MetricSeries> range(String query, Instant start, Instant end, Duration step);

    /**
     * The series of a query at one instant, one sample each.
     *
     * @throws MetricsUnavailableException when the system cannot answer
     */
    List<MetricSeries> instant(String query, Instant at);

    /** Where a person opens the query as a graph of {@code range} ending at {@code end} (the system's own UI). */
    String graphLink(String query, Instant end, Duration range);
}
