package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET/POST /rest/api/3/issue/{idOrKey}/comment} with Atlassian Document bodies, and {@code PUT/DELETE} of one
 * comment by its id.
 */
final class CommentEndpoints {

    static final String PATH = "/rest/api/3/issue/{idOrKey}/comment";

    private final IssueStore store;
    private final IssueRenderer renderer;
    private final Caller caller;

    CommentEndpoints(IssueStore store, IssueRenderer renderer, Caller caller) {
        this.store = store;
        this.renderer = renderer;
        this.caller = caller;
    }

    void register(SandboxHttpServer server, IssueWriteLimit limit) {
        server.route("GET", PATH, this::list);
        server.route("POST", PATH, limit.guard(this::add));
        registerEdits(server, limit);
    }

    private SandboxResponse list(SandboxRequest request) {
        int startAt;
        int maxResults;
        try {
            startAt = Integer.parseInt(request.queryParam("startAt", "0"));
            maxResults = Math.min(5000, Integer.parseInt(request.queryParam("maxResults", "5000")));
        } catch (NumberFormatException e) {
            return JiraErrors.message(400, "startAt and maxResults must be whole numbers.");
        }
        if (startAt < 0 || maxResults < 0) {
            return JiraErrors.message(400, "startAt and maxResults must not be negative.");
        }
        return store.find(request.pathVariable("idOrKey"))
                .map(issue -> SandboxResponse.json(200, renderer.comments(issue, issue.comments, startAt, maxResults)))
                .orElseGet(JiraErrors::issueNotFound);
    }

    private SandboxResponse add(SandboxRequest request) {
        JsonNode json = request.json();
        JsonNode body = json.path("body");
        Optional<SandboxResponse> refused = refusedBody(body);
        if (refused.isPresent()) {
            return refused.get();
        }
        String idOrKey = request.pathVariable("idOrKey");
        return store.comment(idOrKey, caller.of(request), body, json.get("visibility"))
                .map(comment -> SandboxResponse.json(201, renderer.comment(store.find(idOrKey).orElseThrow().id, comment)))
                .orElseGet(JiraErrors::issueNotFound);
    }

    /** Jira's answer to a comment body it does not take, the same for a new comment and an edit. */
    private static Optional<SandboxResponse> refusedBody(JsonNode body) {
        if (body.isMissingNode() || body.isNull() || body.isTextual() && body.asText().isBlank()) {
            return Optional.of(JiraErrors.fields(Map.of("comment", "Comment body can not be empty!")));
        }
        if (!FieldEdits.isAdf(body)) {
            return Optional.of(JiraErrors.fields(Map.of("comment", FieldEdits.ADF_REQUIRED)));
        }
        return Optional.empty();
    }

    // ---- PUT and DELETE /rest/api/3/issue/{idOrKey}/comment/{id} ----------------------------------

    static final String ONE = PATH + "/{id}";

    private void registerEdits(SandboxHttpServer server, IssueWriteLimit limit) {
        server.route("PUT", ONE, limit.guard(this::edit));
        server.route("DELETE", ONE, limit.guard(this::delete));
    }

    /** Replaces the body (and visibility, when given); the same body rules as a new comment; {@code updated} moves. */
    private SandboxResponse edit(SandboxRequest request) {
        JsonNode json = request.json();
        JsonNode body = json.path("body");
        Optional<SandboxResponse> refused = refusedBody(body);
        if (refused.isPresent()) {
            return refused.get();
        }
        String idOrKey = request.pathVariable("idOrKey");
        if (store.find(idOrKey).isEmpty()) {
            return JiraErrors.issueNotFound();
        }
        return store.editComment(idOrKey, request.pathVariable("id"), body, json.get("visibility"))
                .map(comment -> SandboxResponse.json(200, renderer.comment(store.find(idOrKey).orElseThrow().id, comment)))
                .orElseGet(() -> commentNotFound(request.pathVariable("id")));
    }

    private SandboxResponse delete(SandboxRequest request) {
        String idOrKey = request.pathVariable("idOrKey");
        if (store.find(idOrKey).isEmpty()) {
            return JiraErrors.issueNotFound();
        }
        return store.deleteComment(idOrKey, request.pathVariable("id")) ? SandboxResponse.empty(204)
                : commentNotFound(request.pathVariable("id"));
    }

    private static SandboxResponse commentNotFound(String id) {
        return JiraErrors.message(404, "Can not find a comment for the id: " + id + ".");
    }
}
