package io.retrobridge.monitoring.prometheus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.MetricSeries;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus's answer envelope, read: {@code status} ("success" or "error"), {@code data} ({@code resultType} matrix,
 * vector or scalar, and its {@code result}), {@code errorType}, {@code error} and {@code warnings}. Sample values
 * are strings in the API ("0.5", "NaN", "+Inf") so that no precision is lost in JSON; they are read back as doubles.
 */
record QueryAnswer(String status, String errorType, String error, List<String> warnings, JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A body that is not the envelope at all: a proxy's page, a cut-off answer, another server. */
    static final class NotTheEnvelope extends Exception {
        NotTheEnvelope(String what) {
            super(what);
        }
    }

    /** A body that is the envelope but whose data cannot be read as series. */
    static final class UnreadableData extends Exception {
        UnreadableData(String what) {
            super(what);
        }
    }

    static QueryAnswer read(String body) throws NotTheEnvelope {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception notJson) {
            throw new NotTheEnvelope("the body is not JSON");
        }
        if (root == null || !root.isObject() || !root.path("status").isTextual()) {
            throw new NotTheEnvelope("the body has no \"status\"");
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new QueryAnswer(root.get("status").asText(), text(root, "errorType"), text(root, "error"),
                List.copyOf(warnings), root.get("data"));
    }

    boolean success() {
        return "success".equals(status);
    }

    /** The series in {@code data}; a scalar becomes one series without labels. */
    List<MetricSeries> series() throws UnreadableData {
        if (data == null || !data.isObject()) {
            throw new UnreadableData("it has no \"data\" object");
        }
        String type = data.path("resultType").asText("");
        JsonNode result = data.get("result");
        return switch (type) {
            case "matrix" -> each(result, item -> samples(item.path("values")));
            case "vector" -> each(result, item -> item.has("value") ? List.of(sample(item.get("value"))) : List.of());
            case "scalar" -> List.of(new MetricSeries(Map.of(), List.of(sample(result))));
            case "" -> throw new UnreadableData("its data has no \"resultType\"");
            default -> throw new UnreadableData("its data is of type " + type + ", not numbers (matrix, vector or "
                    + "scalar); the query must give a number per series");
        };
    }

    private interface SamplesOf {
        List<MetricSeries.Sample> of(JsonNode item) throws UnreadableData;
    }

    private static List<MetricSeries> each(JsonNode result, SamplesOf samples) throws UnreadableData {
        if (result == null || !result.isArray()) {
            throw new UnreadableData("its data has no \"result\" list");
        }
        List<MetricSeries> series = new ArrayList<>();
        for (JsonNode item : result) {
            Map<String, String> labels = new LinkedHashMap<>();
            item.path("metric").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
            series.add(new MetricSeries(labels, samples.of(item)));
        }
        return series;
    }

    private static List<MetricSeries.Sample> samples(JsonNode values) throws UnreadableData {
        List<MetricSeries.Sample> samples = new ArrayList<>();
        // A series holding only native histograms has no "values"; it gives no numbers.
        for (JsonNode pair : values) {
            samples.add(sample(pair));
        }
        return samples;
    }

    /** {@code [1435781451.781, "1"]}: unix seconds (with milliseconds) and the value as text. */
    private static MetricSeries.Sample sample(JsonNode pair) throws UnreadableData {
        if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()) {
            throw new UnreadableData("a sample is not [time, \"value\"]");
        }
        BigDecimal seconds = pair.get(0).decimalValue();
        Instant at = Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact());
        return new MetricSeries.Sample(at, value(pair.get(1).asText()));
    }

    static double value(String text) throws UnreadableData {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException notANumber) {
                    throw new UnreadableData("a sample value is not a number: " + abbreviate(text, 40));
                }
            }
        };
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    static String abbreviate(String text, int max) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max) + "...";
    }

    Optional<String> warningsLine() {
        return warnings.isEmpty() ? Optional.empty() : Optional.of(abbreviate(String.join("; ", warnings), 300));
    }
}
