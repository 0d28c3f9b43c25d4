package io.retrobridge.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One call to a remote system, relative to its base URL. The path is sent as given (build it from
 * literal parts and {@link #segment(String)}); query values are kept decoded here and encoded once,
 * when sent, so a caller never has to think about {@code &}, {@code =}, {@code ^} or spaces.
 *
 * @param method  HTTP method, upper case
 * @param path    absolute path below the base URL, e.g. {@code /rest/api/3/myself}; no query, no fragment
 * @param query   query parameters in order; a name may repeat
 * @param headers request headers; {@link RemoteSystem} sets Authorization from the system's credentials
 * @param body    request body (JSON unless a Content-Type header says otherwise), or null
 * @param readOnly whether the call only reads, so a failed attempt cannot have changed anything: GET, HEAD and
 *                 OPTIONS always; a POST only when marked with {@link #asReadOnly()} (a query too long for a URL)
 */
public record OutboundRequest(String method, String path, List<QueryParam> query, Map<String, String> headers, String body,
                              boolean readOnly) {

    /** One query parameter, decoded. */
    public record QueryParam(String name, String value) {
        public QueryParam {
            Objects.requireNonNull(name, "query parameter name");
            Objects.requireNonNull(value, () -> "value of query parameter " + name);
        }
    }

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("HTTP method " + method + " is not one of " + METHODS);
        }
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.contains("?") || path.contains("#") || path.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("path must start with / and hold no query, fragment, space or control "
                    + "character (put parameters in query(), encode segments with OutboundRequest.segment): " + path);
        }
        query = List.copyOf(query);
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> copy.put(name, Objects.requireNonNull(value, () -> "value of header " + name)));
        headers = java.util.Collections.unmodifiableMap(copy);
        readOnly = readOnly || SAFE_METHODS.contains(method);
    }

    /** A request that changes something unless its method only reads. */
    public OutboundRequest(String method, String path, List<QueryParam> query, Map<String, String> headers, String body) {
        this(method, path, query, headers, body, false);
    }

    /** The same request, known to only read (e.g. a query posted because it is too long for a URL). */
    public OutboundRequest asReadOnly() {
        return new OutboundRequest(method, path, query, headers, body, true);
    }

    public static OutboundRequest get(String path) {
        return new OutboundRequest("GET", path, List.of(), Map.of("Accept", JSON), null);
    }

    public static OutboundRequest delete(String path) {
        return new OutboundRequest("DELETE", path, List.of(), Map.of("Accept", JSON), null);
    }

    public static OutboundRequest post(String path, String json) {
        return withJson("POST", path, json);
    }

    public static OutboundRequest put(String path, String json) {
        return withJson("PUT", path, json);
    }

    public static OutboundRequest patch(String path, String json) {
        return withJson("PATCH", path, json);
    }

    /** A form post, as token endpoints want it; values are encoded here. */
    public static OutboundRequest postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return new OutboundRequest("POST", path, List.of(), Map.of("Accept", JSON, "Content-Type", FORM), body);
    }

    private static OutboundRequest withJson(String method, String path, String json) {
        Objects.requireNonNull(json, "body");
        return new OutboundRequest(method, path, List.of(), Map.of("Accept", JSON, "Content-Type", JSON), json);
    }

    /** The same request with one more query parameter (a null value leaves it out). */
    public OutboundRequest withQuery(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<QueryParam> more = new ArrayList<>(query);
        more.add(new QueryParam(name, String.valueOf(value)));
        return new OutboundRequest(method, path, more, headers, body, readOnly);
    }

    public OutboundRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.keySet().removeIf(name::equalsIgnoreCase);
        more.put(name, value);
        return new OutboundRequest(method, path, query, more, body, readOnly);
    }

    /** The query as sent: every name and value percent-encoded (space as %20), or "" when there is none. */
    public String encodedQuery() {
        return query.stream().map(p -> encode(p.name()) + "=" + encode(p.value())).collect(Collectors.joining("&"));
    }

    /** One path segment, percent-encoded, for ids that come from elsewhere: {@code "/issue/" + segment(key)}. */
    public static String segment(String value) {
        return encode(value);
    }

    private static String encode(String text) {
        // URLEncoder speaks HTML forms (space as +); %20 reads the same in a query and in a path.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Method and path only: what error messages and logs may show. */
    public String describe() {
        return method + " " + path;
    }

    /** The body can hold anything, so it is left out. */
    @Override
    public String toString() {
        return "OutboundRequest[" + describe() + (query.isEmpty() ? "" : "?" + encodedQuery())
                + (body == null ? "" : ", body " + body.length() + " chars") + "]";
    }
}
