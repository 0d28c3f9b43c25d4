package io.retrobridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** One HTTP request as a simulator sees it: path variables resolved, query decoded, body as text. */
public record SandboxRequest(
        String method,
        String path,
        Map<String, String> pathVariables,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        String body) {

    public String pathVariable(String name) {
        return pathVariables.get(name);
    }

    /** First value of a query parameter, or {@code fallback} when absent. */
    public String queryParam(String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    /** First value of a header, looked up case-insensitively as HTTP requires. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    /** The body parsed as JSON; a malformed body raises {@link SandboxJson.MalformedJson}. */
    public JsonNode json() {
        return SandboxJson.parse(body);
    }
}
