package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.ErrorBodies;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxResponse;
import java.util.List;
import java.util.Map;

/** Jira's error answers: {@code {"errorMessages":[...],"errors":{field: message}}} with Jira's own wording. */
final class JiraErrors implements ErrorBodies {

    static final String ISSUE_NOT_FOUND = "Issue does not exist or you do not have permission to see it.";
    static final String BURST_REASON = "jira-burst-based";
    static final String PER_ISSUE_REASON = "jira-per-issue-on-write";

    static SandboxResponse of(int status, List<String> messages, Map<String, String> fieldErrors) {
        ObjectNode body = SandboxJson.object();
        ArrayNode list = body.putArray("errorMessages");
        messages.forEach(list::add);
        ObjectNode errors = body.putObject("errors");
        fieldErrors.forEach(errors::put);
        return SandboxResponse.json(status, body);
    }

    static SandboxResponse message(int status, String message) {
        return of(status, List.of(message), Map.of());
    }

    static SandboxResponse fields(Map<String, String> fieldErrors) {
        return of(400, List.of(), fieldErrors);
    }

    static SandboxResponse issueNotFound() {
        return message(404, ISSUE_NOT_FOUND);
    }

    static SandboxResponse notAuthenticated() {
        return message(401, "You are not authenticated. Authentication required to perform this operation.")
                .withHeader("WWW-Authenticate", "Basic realm=\"protected-area\"")
                .withHeader("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
    }

    static SandboxResponse jql(String problem) {
        return message(400, "Error in the JQL Query: " + problem);
    }

    @Override
    public SandboxResponse error(int status, String message) {
        return switch (status) {
            case 401 -> notAuthenticated();
            case 429 -> message(429, "Rate limit exceeded.").withHeader("RateLimit-Reason", BURST_REASON);
            default -> message(status, message);
        };
    }

    @Override
    public SandboxResponse rateLimited(int limitPerSecond, long resetEpochSecond) {
        return message(429, "Rate limit exceeded.")
                .withHeader("RateLimit-Reason", BURST_REASON)
                .withHeader("X-RateLimit-Remaining", "0");
    }
}
