package io.retrobridge.sandbox.prometheus;

import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sandbox.SandboxHttpServer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Prometheus's own OpenAPI description of its HTTP API ({@code monitoring/prometheus/openapi_3.1_golden.yaml} under
 * the reference directory), asked a small question: does a request use a path and method it describes, only the
 * query parameters or form fields it declares, and every required one?
 */
final class PrometheusApiDescription {

    private static final String SERVER = "/api/v1";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final Map<String, Object> paths;
    private final Map<String, Object> schemas;

    private PrometheusApiDescription(Map<String, Object> description) {
        this.paths = map(description.get("paths"));
        this.schemas = map(map(description.get("components")).get("schemas"));
    }

    static PrometheusApiDescription load() throws IOException {
        Path file = Path.of(System.getProperty("retrobridge.reference-dir", "../shared/reference"),
                "monitoring", "prometheus", "openapi_3.1_golden.yaml");
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(10 * 1024 * 1024);
        try (Reader reader = Files.newBufferedReader(file)) {
            return new PrometheusApiDescription(new Yaml(options).load(reader));
        }
    }

    /** What the description finds wrong with every request the simulator received under /api/v1. */
    List<String> problems(RequestLog log) {
        List<String> problems = new ArrayList<>();
        for (RequestLog.Entry entry : log.all()) {
            if (entry.path().startsWith(SERVER + "/")) {
                boolean form = entry.method().equals("POST");
                problems.addAll(problems(entry.method(), entry.path(), SandboxHttpServer.decodeQuery(
                        form ? entry.body() : entry.rawQuery()).keySet(), form ? FORM : null));
            }
        }
        return problems;
    }

    /** @param contentType of the body, null when there is none */
    List<String> problems(String method, String path, Set<String> parameters, String contentType) {
        String where = method + " " + path;
        Map<String, Object> operations = map(paths.get(path.substring(SERVER.length())));
        Map<String, Object> operation = map(operations.get(method.toLowerCase(Locale.ROOT)));
        if (operation.isEmpty()) {
            return List.of(where + ": not described");
        }
        Set<String> declared = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        if (operation.containsKey("requestBody")) {
            Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
            if (contentType == null || !content.containsKey(contentType)) {
                problems.add(where + ": body must be one of " + content.keySet());
                return problems;
            }
            Map<String, Object> schema = resolve(map(map(content.get(contentType)).get("schema")));
            declared.addAll(map(schema.get("properties")).keySet());
            required.addAll(strings(schema.get("required")));
        } else {
            for (Object parameter : list(operation.get("parameters"))) {
                Map<String, Object> described = map(parameter);
                if ("query".equals(described.get("in"))) {
                    declared.add((String) described.get("name"));
                    if (Boolean.TRUE.equals(described.get("required"))) {
                        required.add((String) described.get("name"));
                    }
                }
            }
        }
        for (String name : parameters) {
            if (!declared.contains(name)) {
                problems.add(where + ": undeclared parameter " + name + " (declared: " + declared + ")");
            }
        }
        for (String name : required) {
            if (!parameters.contains(name)) {
                problems.add(where + ": missing required parameter " + name);
            }
        }
        return problems;
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        return ref == null ? schema : map(schemas.get(ref.toString().substring(ref.toString().lastIndexOf('/') + 1)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }
}
