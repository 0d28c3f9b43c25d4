package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code GET/POST /rest/api/3/issue/{idOrKey}/transitions}: what the workflow offers and moving along it. */
final class TransitionEndpoints {

    static final String PATH = "/rest/api/3/issue/{idOrKey}/transitions";

    private final IssueStore store;
    private final JiraWorkflow workflow;
    private final FieldEdits edits;
    private final IssueRenderer renderer;
    private final Caller caller;

    TransitionEndpoints(IssueStore store, JiraWorkflow workflow, FieldEdits edits, IssueRenderer renderer, Caller caller) {
        this.store = store;
        this.workflow = workflow;
        this.edits = edits;
        this.renderer = renderer;
        this.caller = caller;
    }

    void register(SandboxHttpServer server, IssueWriteLimit limit) {
        server.route("GET", PATH, this::list);
        server.route("POST", PATH, limit.guard(this::transition));
    }

    private SandboxResponse list(SandboxRequest request) {
        boolean withFields = request.queryParam("expand", "").contains("transitions.fields");
        return store.find(request.pathVariable("idOrKey"))
                .map(issue -> SandboxResponse.json(200, renderer.transitions(issue, workflow, withFields)))
                .orElseGet(JiraErrors::issueNotFound);
    }

    private SandboxResponse transition(SandboxRequest request) {
        JsonNode body = request.json();
        String id = IssueEndpoints.textOf(body.path("transition"), "id");
        if (id == null) {
            return JiraErrors.message(400, "'transition' identifier must be specified.");
        }
        Optional<Issue> current = store.find(request.pathVariable("idOrKey"));
        if (current.isEmpty()) {
            return JiraErrors.issueNotFound();
        }
        Optional<JiraWorkflow.Transition> transition = workflow.available(id, current.get().status);
        if (transition.isEmpty()) {
            return JiraErrors.message(400, "Transition id '" + id + "' is not valid for this issue.");
        }
        List<JsonNode> newComments = new ArrayList<>();
        JsonNode update = body.path("update").deepCopy();
        if (update.isObject() && update.has("comment")) {
            for (JsonNode op : ((ObjectNode) update).remove("comment")) {
                JsonNode commentBody = op.path("add").path("body");
                if (!FieldEdits.isAdf(commentBody)) {
                    return JiraErrors.fields(Map.of("comment", FieldEdits.ADF_REQUIRED));
                }
                newComments.add(commentBody);
            }
        }
        JiraWorkflow.Transition t = transition.get();
        Set<String> screen = workflow.screenFields(t);
        JiraUser by = caller.of(request);
        IssueStore.Outcome outcome = store.change(current.get().id, by, draft -> {
            Map<String, String> errors = new LinkedHashMap<>();
            for (String field : workflow.requiredFields(t)) {
                if (!given(body.path("fields"), field) && !given(update, field)) {
                    errors.put(field, Character.toUpperCase(field.charAt(0)) + field.substring(1) + " is required.");
                }
            }
            if (!errors.isEmpty()) {
                return errors;
            }
            errors.putAll(edits.applyFields(body.path("fields"), draft, screen));
            errors.putAll(edits.applyUpdate(update, draft, screen));
            moveTo(draft, t);
            return errors;
        });
        if (outcome.isMissing()) {
            return JiraErrors.issueNotFound();
        }
        if (outcome.isRefused()) {
            return JiraErrors.fields(outcome.errors());
        }
        newComments.forEach(c -> store.comment(outcome.issue().id, by, c, null));
        return SandboxResponse.empty(204);
    }

    /** Into Done or Cancelled the resolution is set (Done / Won't Do unless given) and dated; out of them it is cleared. */
    private void moveTo(Issue draft, JiraWorkflow.Transition t) {
        JiraCatalog.Resolution given = draft.resolution;
        draft.status = t.to();
        if (t.to().equals(JiraCatalog.DONE) || t.to().equals(JiraCatalog.CANCELLED)) {
            JiraCatalog.Resolution byDefault = t.to().equals(JiraCatalog.DONE)
                    ? JiraCatalog.DONE_RESOLUTION : JiraCatalog.WONT_DO_RESOLUTION;
            draft.resolution = given == null ? byDefault : given;
            draft.resolutionDate = store.now();
        } else {
            draft.resolution = null;
            draft.resolutionDate = null;
        }
    }

    private static boolean given(JsonNode section, String field) {
        JsonNode value = section.path(field);
        return !value.isMissingNode() && !value.isNull() && !(value.isArray() && value.isEmpty());
    }
}
