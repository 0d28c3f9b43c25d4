package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Create, read, edit and delete issues: {@code /rest/api/3/issue} and {@code /rest/api/3/issue/{idOrKey}}. */
final class IssueEndpoints {

    static final String ISSUES = "/rest/api/3/issue";
    static final String ISSUE = "/rest/api/3/issue/{idOrKey}";

    private final IssueStore store;
    private final FieldEdits edits;
    private final IssueRenderer renderer;
    private final Caller caller;
    private final String api;

    IssueEndpoints(IssueStore store, FieldEdits edits, IssueRenderer renderer, Caller caller, URI baseUrl) {
        this.store = store;
        this.edits = edits;
        this.renderer = renderer;
        this.caller = caller;
        this.api = baseUrl + "/rest/api/3";
    }

    void register(SandboxHttpServer server, IssueWriteLimit limit) {
        server.route("POST", ISSUES, this::create);
        server.route("GET", ISSUE, this::get);
        server.route("PUT", ISSUE, limit.guard(this::edit));
        server.route("DELETE", ISSUE, limit.guard(this::delete));
    }

    private SandboxResponse create(SandboxRequest request) {
        JsonNode body = request.json();
        JsonNode fields = body.path("fields");
        if (!fields.isObject()) {
            return JiraErrors.message(400, "Request body needs \"fields\" with at least project, issuetype and summary.");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<JiraProject> project = store.project(textOf(fields.path("project"), "key", "id"));
        if (project.isEmpty()) {
            errors.put("project", "Specify a valid project ID or key");
        }
        String typeRef = textOf(fields.path("issuetype"), "id", "name");
        Optional<JiraCatalog.IssueType> type = typeRef == null ? Optional.empty() : JiraCatalog.issueType(typeRef);
        if (type.isEmpty()) {
            errors.put("issuetype", typeRef == null ? "Specify an issue type" : "Specify a valid issue type");
        }
        if (!fields.path("summary").isTextual() || fields.path("summary").asText().isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        }
        if (!errors.isEmpty()) {
            return JiraErrors.fields(errors);
        }
        ObjectNode rest = ((ObjectNode) fields).deepCopy();
        rest.remove(List.of("project", "issuetype"));
        IssueStore.Outcome outcome = store.create(project.get(), type.get(), caller.of(request), draft -> {
            Map<String, String> problems = edits.applyFields(rest, draft, Set.of());
            problems.putAll(edits.applyUpdate(body.path("update"), draft, Set.of()));
            return problems;
        });
        if (outcome.isRefused()) {
            return JiraErrors.fields(outcome.errors());
        }
        ObjectNode created = SandboxJson.object();
        created.put("id", outcome.issue().id);
        created.put("key", outcome.issue().key);
        created.put("self", api + "/issue/" + outcome.issue().id);
        return SandboxResponse.json(201, created);
    }

    private SandboxResponse get(SandboxRequest request) {
        return store.find(request.pathVariable("idOrKey"))
                .map(issue -> SandboxResponse.json(200, renderer.issue(issue,
                        FieldSelection.parse(request.query().getOrDefault("fields", List.of()), "*all"))))
                .orElseGet(JiraErrors::issueNotFound);
    }

    private SandboxResponse edit(SandboxRequest request) {
        JsonNode body = request.json();
        IssueStore.Outcome outcome = store.change(request.pathVariable("idOrKey"), caller.of(request), draft -> {
            Map<String, String> problems = edits.applyFields(body.path("fields"), draft, Set.of());
            problems.putAll(edits.applyUpdate(body.path("update"), draft, Set.of()));
            return problems;
        });
        if (outcome.isMissing()) {
            return JiraErrors.issueNotFound();
        }
        if (outcome.isRefused()) {
            return JiraErrors.fields(outcome.errors());
        }
        if ("true".equals(request.queryParam("returnIssue", "false"))) {
            return SandboxResponse.json(200, renderer.issue(outcome.issue(), FieldSelection.parse(List.of(), "*all")));
        }
        return SandboxResponse.empty(204);
    }

    private SandboxResponse delete(SandboxRequest request) {
        return store.delete(request.pathVariable("idOrKey"), caller.of(request)) ? SandboxResponse.empty(204)
                : JiraErrors.issueNotFound();
    }

    /** The first of the given members that is a non-blank string, e.g. a project's "key" or "id". */
    static String textOf(JsonNode node, String... members) {
        for (String member : members) {
            JsonNode value = node.path(member);
            if (value.isTextual() && !value.asText().isBlank() || value.isNumber()) {
                return value.asText();
            }
        }
        return null;
    }
}
