package io.retrobridge.insight.pir;

import io.retrobridge.domain.MetricSeries;
import io.retrobridge.domain.PirSummary.MetricRow;
import io.retrobridge.domain.Verdict;
import io.retrobridge.mapping.pir.PirMetric;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.MetricQueries;
import io.retrobridge.sync.MetricsUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks the monitoring for every PIR metric of a release, one range query over both windows each, and turns the answers
 * into rows. Monitoring that cannot answer never fails the collection: the metric's row has no data and says why.
 * Once the monitoring answered "try later" (down, slow, overloaded) the metrics after it are not asked, so a down
 * system costs one timeout, not one per metric.
 */
final class MetricCollection {

    /** The monitoring's name in messages when no monitoring system is set up. */
    static final String NO_MONITORING = "no monitoring system answers metric queries (set "
            + "retrobridge.prometheus.base-url)";

    /**
     * @param trouble what kept figures from being collected, first of all; empty when the monitoring answered every
     *                query (with samples or without)
     */
    record Outcome(List<MetricRow> rows, Optional<MetricsUnavailableException> trouble) {
    }

    private MetricCollection() {
    }

    /**
     * @param queries null when no monitoring system is set up
     * @param service null when the release names no service: nothing can be asked
     */
    static Outcome collect(MetricQueries queries, PirMetricsMapping mapping, String service, String environment,
                           Instant from, Instant moment, Instant to) {
        List<MetricRow> rows = new ArrayList<>();
        MetricsUnavailableException trouble = null;
        if (queries == null) {
            trouble = new MetricsUnavailableException(NO_MONITORING, false);
        } else if (service == null || environment == null) {
            trouble = new MetricsUnavailableException("the release names no " + (service == null
                    ? "application or configuration item" : "environment") + " to ask the monitoring about", false);
        }
        Duration range = Duration.between(from, to);
        for (PirMetric metric : mapping.metrics()) {
            String query = service == null || environment == null ? metric.query()
                    : metric.queryFor(service, environment, mapping.windows().rate());
            String graph = queries == null ? null : queries.graphLink(query, to, range);
            if (trouble != null && (trouble.retryLater() || queries == null || service == null
                    || environment == null)) {
                rows.add(noData(metric, query, graph, trouble.getMessage()));
                continue;
            }
            try {
                List<MetricSeries> answer = queries.range(query, from, to, mapping.windows().step());
                WindowMeans means = WindowMeans.of(answer, moment);
                rows.add(new MetricRow(metric.id(), metric.title(), metric.unit(), means.before(), means.after(),
                        metric.verdict(means.before(), means.after()), query, graph, missing(means)));
            } catch (MetricsUnavailableException e) {
                trouble = trouble == null || e.retryLater() && !trouble.retryLater() ? e : trouble;
                rows.add(noData(metric, query, graph, e.getMessage()));
            }
        }
        return new Outcome(rows, Optional.ofNullable(trouble));
    }

    private static MetricRow noData(PirMetric metric, String query, String graph, String problem) {
        return new MetricRow(metric.id(), metric.title(), metric.unit(), null, null, Verdict.NO_DATA, query, graph,
                problem);
    }

    private static String missing(WindowMeans means) {
        if (means.before() == null && means.after() == null) {
            return "no samples before or after the deployment";
        }
        if (means.before() == null) {
            return "no samples before the deployment";
        }
        return means.after() == null ? "no samples after the deployment" : null;
    }
}
