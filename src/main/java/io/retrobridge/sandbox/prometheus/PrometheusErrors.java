package io.retrobridge.sandbox.prometheus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.ErrorBodies;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxResponse;
import java.util.Map;

/**
 * Prometheus's error answers: the API's {@code {"status":"error","errorType":...,"error":...}} with the status its
 * error type maps to, and the plain-text answers its HTTP router and basic-auth layer give.
 */
final class PrometheusErrors implements ErrorBodies {

    static final String QUERY_TIMED_OUT = "query timed out in expression evaluation";

    @Override
    public SandboxResponse error(int status, String message) {
        return switch (status) {
            case 401 -> unauthorized();
            case 404 -> plain(404, "404 page not found\n");
            case 405 -> plain(405, "Method Not Allowed\n");
            default -> of(status, typeOf(status), message);
        };
    }

    static SandboxResponse badData(String message) {
        return of(400, "bad_data", message);
    }

    static SandboxResponse timeout() {
        return of(503, "timeout", QUERY_TIMED_OUT);
    }

    static SandboxResponse execution(String message) {
        return of(422, "execution", message);
    }

    /** What Prometheus's web configuration answers a request without valid credentials. */
    static SandboxResponse unauthorized() {
        return plain(401, "Unauthorized\n").withHeader("WWW-Authenticate", "Basic");
    }

    static SandboxResponse of(int status, String errorType, String message) {
        ObjectNode body = SandboxJson.object().put("status", "error").put("errorType", errorType)
                .put("error", message);
        return SandboxResponse.json(status, body);
    }

    private static SandboxResponse plain(int status, String text) {
        return new SandboxResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8"), text);
    }

    private static String typeOf(int status) {
        return switch (status) {
            case 400 -> "bad_data";
            case 406 -> "not_acceptable";
            case 422 -> "execution";
            case 499 -> "canceled";
            case 500 -> "internal";
            default -> "unavailable";
        };
    }
}
