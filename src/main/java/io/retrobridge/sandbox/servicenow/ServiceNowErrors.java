package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.ErrorBodies;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxResponse;

/**
 * ServiceNow's error answers: {@code {"error":{"message","detail"},"status":"failure"}} with the
 * messages a real instance gives for each case.
 */
final class ServiceNowErrors implements ErrorBodies {

    /** The sys_id a rate-limit answer names in X-RateLimit-Rule; a real instance names its rule record. */
    static final String RATE_LIMIT_RULE = "7b2ec5d1db6f3300a4e1f3b5ca961911";

    static SandboxResponse of(int status, String message, String detail) {
        ObjectNode body = SandboxJson.object();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("detail", detail);
        body.put("status", "failure");
        return SandboxResponse.json(status, body);
    }

    static SandboxResponse notAuthenticated() {
        return of(401, "User Not Authenticated", "Required to provide Auth information")
                .withHeader("WWW-Authenticate", "BASIC realm=\"Service-now\"");
    }

    static SandboxResponse noRecord() {
        return of(404, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");
    }

    static SandboxResponse invalidTable(String table) {
        return of(400, "Invalid table " + table, null);
    }

    static SandboxResponse unreadableBody(String detail) {
        return of(400, "Exception while reading request", detail);
    }

    static SandboxResponse readDenied() {
        return of(403, "User Not Authorized", "Failed API level ACL Validation");
    }

    /** {@code operation} is Insert, Update or Delete, as in "ACL Exception Update Failed due to security constraints". */
    static SandboxResponse writeDenied(String operation) {
        return of(403, "Operation Failed", "ACL Exception " + operation + " Failed due to security constraints");
    }

    /** The change state model refuses the move; the labels name the states as the form shows them. */
    static SandboxResponse invalidStateTransition(String from, String to) {
        return of(403, "Operation Failed", "Invalid state transition from " + from + " to " + to);
    }

    @Override
    public SandboxResponse error(int status, String message) {
        return switch (status) {
            case 401 -> notAuthenticated();
            case 404 -> noRecord();
            case 429 -> of(429, "Rate limit exceeded", "Rate limit for Table API exceeded");
            default -> of(status, message, null);
        };
    }

    @Override
    public SandboxResponse rateLimited(int limitPerSecond, long resetEpochSecond) {
        return of(429, "Rate limit exceeded",
                "Rate limit of " + limitPerSecond + " requests per second for Table API exceeded")
                .withHeader("X-RateLimit-Rule", RATE_LIMIT_RULE);
    }
}
