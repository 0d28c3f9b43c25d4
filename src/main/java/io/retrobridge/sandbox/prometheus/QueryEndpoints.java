package io.retrobridge.sandbox.prometheus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/query} and {@code /api/v1/query_range}, GET with URL parameters or POST with a form body, checked
 * in the order Prometheus checks them and answered from the recordings: a vector for an instant query, a matrix
 * with one point per step from start to end for a range query.
 */
final class QueryEndpoints {

    /** Prometheus refuses a range query with more points than this per series. */
    static final int MAX_POINTS_PER_SERIES = 11_000;

    private static final String FORM = "application/x-www-form-urlencoded";

    private final Recordings recordings;
    private final Clock clock;
    private final Deque<List<String>> warnings = new ArrayDeque<>();

    QueryEndpoints(Recordings recordings, Clock clock) {
        this.recordings = recordings;
        this.clock = clock;
    }

    void register(SandboxHttpServer server) {
        for (String method : List.of("GET", "POST")) {
            server.route(method, "/api/v1/query", this::instant);
            server.route(method, "/api/v1/query_range", this::range);
        }
    }

    /** The next {@code times} successful query answers carry these warnings, as a partial answer does. */
    synchronized void warnNext(int times, List<String> messages) {
        for (int i = 0; i < times; i++) {
            warnings.add(List.copyOf(messages));
        }
    }

    synchronized void clearWarnings() {
        warnings.clear();
    }

    private SandboxResponse instant(SandboxRequest request) {
        Map<String, String> params = parameters(request);
        Instant time;
        try {
            time = params.containsKey("time") ? PrometheusTime.parseTime(params.get("time")) : clock.instant();
        } catch (IllegalArgumentException e) {
            return invalid("time", e.getMessage());
        }
        String query;
        try {
            query = QueryText.normalised(params.getOrDefault("query", ""));
        } catch (QueryText.ParseError e) {
            return invalid("query", e.getMessage());
        }
        ArrayNode result = SandboxJson.MAPPER.createArrayNode();
        for (RecordedSeries series : recordings.answering(query)) {
            ObjectNode entry = result.addObject();
            entry.set("metric", SandboxJson.MAPPER.valueToTree(series.labels()));
            entry.set("value", sample(time, series.signal()));
        }
        return success("vector", result);
    }

    private SandboxResponse range(SandboxRequest request) {
        Map<String, String> params = parameters(request);
        Instant start;
        Instant end;
        Duration step;
        try {
            start = PrometheusTime.parseTime(params.getOrDefault("start", ""));
        } catch (IllegalArgumentException e) {
            return invalid("start", e.getMessage());
        }
        try {
            end = PrometheusTime.parseTime(params.getOrDefault("end", ""));
        } catch (IllegalArgumentException e) {
            return invalid("end", e.getMessage());
        }
        if (end.isBefore(start)) {
            return PrometheusErrors.badData("end timestamp must not be before start time");
        }
        try {
            step = PrometheusTime.parseDuration(params.getOrDefault("step", ""));
        } catch (IllegalArgumentException e) {
            return invalid("step", e.getMessage());
        }
        if (step.isZero() || step.isNegative()) {
            return PrometheusErrors.badData("zero or negative query resolution step widths"
                    + " are not accepted. Try a positive integer");
        }
        if (Duration.between(start, end).toMillis() / step.toMillis() > MAX_POINTS_PER_SERIES) {
            return PrometheusErrors.badData("exceeded maximum resolution of 11,000 points per timeseries. Try"
                    + " decreasing the query resolution (?step=XX)");
        }
        String query;
        try {
            query = QueryText.normalised(params.getOrDefault("query", ""));
        } catch (QueryText.ParseError e) {
            return invalid("query", e.getMessage());
        }
        ArrayNode result = SandboxJson.MAPPER.createArrayNode();
        for (RecordedSeries series : recordings.answering(query)) {
            ObjectNode entry = result.addObject();
            entry.set("metric", SandboxJson.MAPPER.valueToTree(series.labels()));
            ArrayNode values = entry.putArray("values");
            for (Instant t = start; !t.isAfter(end); t = t.plus(step)) {
                values.add(sample(t, series.signal()));
            }
        }
        return success("matrix", result);
    }

    /** Form fields of a POST win over URL parameters of the same name, as with Go's FormValue. */
    private static Map<String, String> parameters(SandboxRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.query().forEach((name, values) -> params.put(name, values.get(0)));
        String contentType = request.header("Content-Type");
        if (request.method().equals("POST") && contentType != null && contentType.toLowerCase().startsWith(FORM)) {
            SandboxHttpServer.decodeQuery(request.body()).forEach((name, values) -> params.put(name, values.get(0)));
        }
        return params;
    }

    private static ArrayNode sample(Instant at, Signal signal) {
        ArrayNode sample = SandboxJson.MAPPER.createArrayNode();
        sample.add(PrometheusTime.timestamp(at));
        sample.add(PrometheusTime.value(signal.at(at)));
        return sample;
    }

    private SandboxResponse success(String resultType, ArrayNode result) {
        ObjectNode body = SandboxJson.object().put("status", "success");
        ObjectNode data = body.putObject("data").put("resultType", resultType);
        data.set("result", result);
        List<String> warned = nextWarnings();
        if (!warned.isEmpty()) {
            body.set("warnings", SandboxJson.MAPPER.valueToTree(warned));
        }
        return SandboxResponse.json(200, body);
    }

    private synchronized List<String> nextWarnings() {
        List<String> next = warnings.poll();
        return next == null ? List.of() : next;
    }

    private static SandboxResponse invalid(String parameter, String message) {
        return PrometheusErrors.badData("invalid parameter " + PrometheusTime.quoted(parameter) + ": " + message);
    }
}
