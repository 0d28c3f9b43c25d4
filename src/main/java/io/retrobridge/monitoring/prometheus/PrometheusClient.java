package io.retrobridge.monitoring.prometheus;

import io.retrobridge.domain.MetricSeries;
import io.retrobridge.sync.MetricQueries;
import io.retrobridge.sync.MetricsUnavailableException;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteCallException;
import io.retrobridge.transport.RemoteSystem;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus's HTTP query API ({@code /api/v1/query_range}, {@code /api/v1/query}) through the shared outbound
 * sender, so its calls are paced, retried and guarded by a circuit breaker like every other system's. A query is sent
 * in the URL, or as a form POST when it is longer than {@code post-above-characters}: proxies refuse URLs beyond
 * about 8 KB, and Prometheus takes the same parameters either way. Times go as RFC 3339, steps as seconds.
 */
public final class PrometheusClient implements MetricQueries {

    static final String QUERY_RANGE = "/api/v1/query_range";
    static final String QUERY = "/api/v1/query";

    private static final Logger log = LoggerFactory.getLogger(PrometheusClient.class);

    private final RemoteSystem prometheus;
    private final int postAboveCharacters;
    private final GraphLinks graphs;
    private final QueryFailures failures;

    /**
     * @param prometheus          the remote system (base URL, timeouts, credentials, sender)
     * @param graphUrl            where graph links point (the Prometheus UI)
     * @param postAboveCharacters queries longer than this are sent as a form POST
     * @param authKind            "none", "basic" or "bearer": which settings a 401 message names
     */
    public PrometheusClient(RemoteSystem prometheus, URI graphUrl, int postAboveCharacters, String authKind) {
        this.prometheus = Objects.requireNonNull(prometheus, "prometheus");
        if (postAboveCharacters < 0) {
            throw new IllegalArgumentException("postAboveCharacters must not be negative");
        }
        this.postAboveCharacters = postAboveCharacters;
        this.graphs = new GraphLinks(Objects.requireNonNull(graphUrl, "graphUrl"));
        this.failures = new QueryFailures(prometheus.target(), authKind);
    }

    @Override
    public String systemName() {
        return "Prometheus";
    }

    @Override
    public List<MetricSeries> range(String query, Instant start, Instant end, Duration step) {
        requireQuery(query);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(step, "step");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be above 0 but was " + step);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("query", query);
        parameters.put("start", start.toString());
        parameters.put("end", end.toString());
        parameters.put("step", seconds(step));
        return ask(QUERY_RANGE, query, parameters);
    }

    @Override
    public List<MetricSeries> instant(String query, Instant at) {
        requireQuery(query);
        Objects.requireNonNull(at, "at");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("query", query);
        parameters.put("time", at.toString());
        return ask(QUERY, query, parameters);
    }

    @Override
    public String graphLink(String query, Instant end, Duration range) {
        requireQuery(query);
        return graphs.link(query, end, range);
    }

    /**
     * The request a query becomes: GET with the parameters in the URL, or a form POST for a long query, marked as
     * only reading so it is retried like the GET it stands for.
     */
    OutboundRequest requestFor(String path, String query, Map<String, String> parameters) {
        if (query.length() > postAboveCharacters) {
            return OutboundRequest.postForm(path, parameters).asReadOnly();
        }
        OutboundRequest request = OutboundRequest.get(path);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            request = request.withQuery(parameter.getKey(), parameter.getValue());
        }
        return request;
    }

    private List<MetricSeries> ask(String path, String query, Map<String, String> parameters) {
        OutboundRequest request = requestFor(path, query, parameters);
        OutboundResponse response;
        try {
            response = prometheus.exchange(request);
        } catch (RemoteCallException failed) {
            throw failures.unanswered(query, failed);
        }
        QueryAnswer answer;
        try {
            answer = QueryAnswer.read(response.body());
        } catch (QueryAnswer.NotTheEnvelope notIt) {
            throw failures.refused(query, response);
        }
        if (!response.isSuccess() || !answer.success()) {
            throw failures.refused(query, response);
        }
        try {
            List<MetricSeries> series = answer.series();
            answer.warningsLine().ifPresent(warnings -> log.warn("Prometheus warns about {}{}", QueryFailures.prefix(query),
                    warnings));
            return series;
        } catch (QueryAnswer.UnreadableData unreadable) {
            throw failures.unreadable(query, unreadable.getMessage()
                    + answer.warningsLine().map(w -> " (warnings: " + w + ")").orElse(""));
        }
    }

    /** Seconds, fractional when needed: "60", "0.5". */
    static String seconds(Duration step) {
        return BigDecimal.valueOf(step.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private static void requireQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be empty");
        }
    }

    @Override
    public String toString() {
        return "PrometheusClient[" + prometheus + "]";
    }
}
