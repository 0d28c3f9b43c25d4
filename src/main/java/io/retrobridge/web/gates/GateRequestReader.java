package io.retrobridge.web.gates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.web.intake.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads a gate question from a JSON body (POST, PUT) or the query string (GET, and a POST without a body as Argo
 * Rollouts may send). A field the body leaves out may come from the query string. {@code sha} is read as
 * {@code commitSha}.
 */
@Component
class GateRequestReader {

    /** No gate question needs more; a larger body is refused before it is held in memory. */
    static final int MAX_BODY = 64 * 1024;

    private static final List<String> FIELDS = List.of("application", "version", "environment", "commitSha",
            "changeNumber");

    private final ObjectMapper json;

    GateRequestReader(ObjectMapper json) {
        this.json = json;
    }

    GateInputs read(HttpServletRequest request) {
        Map<String, String> query = query(request.getQueryString());
        Map<String, String> body = "GET".equals(request.getMethod()) ? Map.of() : body(request);
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            String value = body.get(field);
            values.put(field, value != null ? value : query.get(field));
        }
        return GateInputs.of(values.get("application"), values.get("version"), values.get("environment"),
                values.get("commitSha"), values.get("changeNumber"));
    }

    /** Whether the caller asked for DENY and PENDING as 403 and 409 (callers that read only the status code). */
    static boolean strict(HttpServletRequest request) {
        return "true".equalsIgnoreCase(query(request.getQueryString()).get("strict"));
    }

    private Map<String, String> body(HttpServletRequest request) {
        byte[] raw;
        try {
            raw = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), MAX_BODY);
        } catch (BoundedBody.TooLargeException e) {
            throw GateRequestException.tooLarge("the body is over " + MAX_BODY / 1024 + " KB; a gate question is "
                    + "a few fields: application, version, environment, commitSha, changeNumber.");
        } catch (IOException e) {
            throw GateRequestException.badRequest("the body could not be read: " + e.getClass().getSimpleName());
        }
        if (new String(raw, StandardCharsets.UTF_8).isBlank()) {
            return Map.of();
        }
        JsonNode tree;
        try {
            tree = json.readTree(raw);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw GateRequestException.badRequest("the body is not JSON" + where + "; send an object like {\"application\":"
                    + "\"payment-gateway\",\"version\":\"4.3.0\",\"environment\":\"production\"}.");
        } catch (IOException e) {
            throw GateRequestException.badRequest("the body could not be read: " + e.getClass().getSimpleName());
        }
        if (tree == null || !tree.isObject()) {
            throw GateRequestException.badRequest("the body must be a JSON object like {\"application\":"
                    + "\"payment-gateway\",\"environment\":\"production\"}.");
        }
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            String value = scalar(tree, field);
            if (value == null && field.equals("commitSha")) {
                value = scalar(tree, "sha");
            }
            if (value != null) {
                values.put(field, value);
            }
        }
        return values;
    }

    /** A string or number field as text; null when absent or null; any other JSON type is refused. */
    private static String scalar(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw GateRequestException.badRequest(field + " must be a string, not " + value.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return value.asText();
    }

    static Map<String, String> query(String queryString) {
        Map<String, String> values = new HashMap<>();
        if (queryString == null || queryString.isEmpty()) {
            return values;
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.equals("sha")) {
                name = "commitSha";
            }
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GateRequestException.badRequest("the query string is not URL-encoded correctly.");
        }
    }
}
