package io.retrobridge.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a simulator answers. A {@code null} body sends no content. */
public record SandboxResponse(int status, Map<String, String> headers, String body) {

    public SandboxResponse {
        headers = Map.copyOf(headers);
    }

    public static SandboxResponse json(int status, Object body) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/json;charset=UTF-8"),
                SandboxJson.write(body));
    }

    public static SandboxResponse empty(int status) {
        return new SandboxResponse(status, Map.of(), null);
    }

    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SandboxResponse(status, more, body);
    }
}
