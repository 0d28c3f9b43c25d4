package io.retrobridge.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks requests against Prometheus's own OpenAPI description of its HTTP API
 * ({@code ${retrobridge.reference-dir}/monitoring/prometheus/openapi_3.1_golden.yaml}): the path and method exist,
 * every query parameter or form field is one the operation declares, the required ones are there, and values have the
 * declared form (integers, RFC 3339 or unix timestamps, durations). The description is OpenAPI 3.1, which the
 * request validator used for Jira (OpenAPI 3.0) does not read, so this reads the YAML itself; it checks what the
 * connector sends, not everything OpenAPI can say.
 */
public final class PrometheusOpenApi {

    public static final String SPEC = "monitoring/prometheus/openapi_3.1_golden.yaml";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private static volatile PrometheusOpenApi shared;

    private final JsonNode spec;
    private final String serverPrefix;

    PrometheusOpenApi(JsonNode spec) {
        this.spec = spec;
        this.serverPrefix = spec.path("servers").path(0).path("url").asText("");
    }

    /** The description, read on first use and kept for the JVM's lifetime. */
    public static PrometheusOpenApi shared() {
        PrometheusOpenApi current = shared;
        if (current == null) {
            synchronized (PrometheusOpenApi.class) {
                current = shared;
                if (current == null) {
                    try {
                        current = new PrometheusOpenApi(new ObjectMapper(new YAMLFactory()).readTree(specFile().toFile()));
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot read " + specFile(), e);
                    }
                    shared = current;
                }
            }
        }
        return current;
    }

    public static Path specFile() {
        String dir = System.getProperty("retrobridge.reference-dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property retrobridge.reference-dir is not set; run the tests "
                    + "through Maven (surefire sets it to ../shared/reference) or pass -Dretrobridge.reference-dir=...");
        }
        Path spec = Path.of(dir).resolve(SPEC);
        if (!Files.isRegularFile(spec)) {
            throw new IllegalStateException("No Prometheus OpenAPI description at " + spec);
        }
        return spec;
    }

    /** Every request WireMock received, checked; fails listing each one the description refuses. */
    public void assertEveryRequestValid(WireMockServer wire) {
        List<String> refused = new ArrayList<>();
        for (var event : wire.getAllServeEvents()) {
            LoggedRequest request = event.getRequest();
            List<String> problems = problems(request.getMethod().value(), request.getUrl(),
                    request.getHeader("Content-Type"), request.getBodyAsString());
            if (!problems.isEmpty()) {
                refused.add(request.getMethod().value() + " " + request.getUrl() + ": " + problems);
            }
        }
        if (!refused.isEmpty()) {
            throw new AssertionError("Requests Prometheus's OpenAPI description refuses:\n" + String.join("\n", refused));
        }
    }

    public void assertValid(String method, String pathAndQuery, String contentType, String body) {
        List<String> problems = problems(method, pathAndQuery, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("Prometheus's OpenAPI description refuses " + method + " " + pathAndQuery + ":\n  "
                    + String.join("\n  ", problems));
        }
    }

    /**
     * What is wrong with one request, one line per problem; empty when the description accepts it.
     *
     * @param pathAndQuery the path as sent (with any prefix before {@code /api/v1}) and its raw query
     * @param contentType  the Content-Type header, or null
     * @param body         the body, or null / empty for none
     */
    public List<String> problems(String method, String pathAndQuery, String contentType, String body) {
        URI uri = URI.create(pathAndQuery);
        String path = uri.getRawPath();
        int api = path.indexOf(serverPrefix + "/");
        if (serverPrefix.isEmpty() || api < 0) {
            return List.of("path " + path + " is not under " + serverPrefix);
        }
        String apiPath = path.substring(api + serverPrefix.length());
        JsonNode pathItem = spec.path("paths").get(apiPath);
        if (pathItem == null) {
            return List.of("no path " + apiPath + " in the description");
        }
        JsonNode operation = pathItem.get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            return List.of("no " + method + " on " + apiPath);
        }
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode parameters : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                JsonNode resolved = resolve(parameter);
                if ("query".equals(resolved.path("in").asText())) {
                    declared.put(resolved.path("name").asText(), resolved);
                }
            }
        }
        Map<String, List<String>> query = decode(uri.getRawQuery());
        query.forEach((name, values) -> {
            JsonNode parameter = declared.get(name);
            if (parameter == null) {
                problems.add("query parameter " + name + " is not declared (declared: " + declared.keySet() + ")");
            } else {
                values.forEach(value -> checkValue("query parameter " + name, value, parameter.path("schema"), problems));
            }
        });
        declared.forEach((name, parameter) -> {
            if (parameter.path("required").asBoolean(false) && !query.containsKey(name)) {
                problems.add("required query parameter " + name + " is missing");
            }
        });
        checkBody(operation, contentType, body, problems);
        return problems;
    }

    private void checkBody(JsonNode operation, String contentType, String body, List<String> problems) {
        boolean hasBody = body != null && !body.isEmpty();
        JsonNode requestBody = operation.has("requestBody") ? resolve(operation.get("requestBody")) : null;
        if (requestBody == null) {
            if (hasBody) {
                problems.add("the operation takes no body, but one was sent");
            }
            return;
        }
        if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add("the operation requires a body");
            }
            return;
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode content = requestBody.path("content").get(mediaType);
        if (content == null) {
            problems.add("body of type '" + mediaType + "' is not one of " + fieldNames(requestBody.path("content")));
            return;
        }
        if (!FORM.equals(mediaType)) {
            return;
        }
        JsonNode schema = resolve(content.path("schema"));
        Map<String, List<String>> form = decode(body);
        JsonNode properties = schema.path("properties");
        form.forEach((name, values) -> {
            if (!properties.has(name)) {
                if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                    return;
                }
                problems.add("form field " + name + " is not declared (declared: " + fieldNames(properties) + ")");
            } else {
                values.forEach(value -> checkValue("form field " + name, value, properties.get(name), problems));
            }
        });
        schema.path("required").forEach(required -> {
            if (!form.containsKey(required.asText())) {
                problems.add("required form field " + required.asText() + " is missing");
            }
        });
    }

    /** The value fits the schema: its type, or one of its oneOf alternatives. */
    private void checkValue(String what, String value, JsonNode schema, List<String> problems) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("oneOf")) {
            for (JsonNode alternative : resolved.get("oneOf")) {
                if (fits(value, resolve(alternative))) {
                    return;
                }
            }
            problems.add(what + " '" + value + "' fits none of its forms: " + resolved.get("oneOf"));
        } else if (!fits(value, resolved)) {
            problems.add(what + " '" + value + "' is not of " + resolved);
        }
    }

    private static boolean fits(String value, JsonNode schema) {
        String type = schema.path("type").asText("string");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "integer" -> INTEGER.matcher(value).matches();
            case "number" -> NUMBER.matcher(value).matches();
            case "boolean" -> value.equals("true") || value.equals("false");
            default -> switch (format) {
                case "date-time" -> isDateTime(value);
                case "duration" -> DURATION.matcher(value).matches();
                default -> true;
            };
        };
    }

    private static boolean isDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException notRfc3339) {
            return false;
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current != null && current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are followed: " + ref);
            }
            current = spec.at(ref.substring(1));
        }
        return current;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, List<String>> decode(String raw) {
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return decoded;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            decoded.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return decoded;
    }
}
