package io.retrobridge.transport;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a remote system answered, whatever the status.
 *
 * @param headers response headers; names are matched without regard to case
 * @param body    the body as text, "" when there was none
 */
public record OutboundResponse(int status, Map<String, List<String>> headers, String body) {

    public OutboundResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    @Override
    public String toString() {
        return "OutboundResponse[status=" + status + ", body " + body.length() + " chars]";
    }
}
