package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Issue entity properties, {@code /rest/api/3/issue/{idOrKey}/properties[/{propertyKey}]}: JSON an
 * integration stamps on an issue (such as a correlation id) without touching its fields.
 */
final class PropertyEndpoints {

    static final String LIST = "/rest/api/3/issue/{idOrKey}/properties";
    static final String ONE = "/rest/api/3/issue/{idOrKey}/properties/{propertyKey}";
    private static final int MAX_VALUE_BYTES = 32_768;

    private final IssueStore store;
    private final String api;

    PropertyEndpoints(IssueStore store, URI baseUrl) {
        this.store = store;
        this.api = baseUrl + "/rest/api/3";
    }

    void register(SandboxHttpServer server, IssueWriteLimit limit) {
        server.route("GET", LIST, this::list);
        server.route("GET", ONE, this::get);
        server.route("PUT", ONE, limit.guard(this::put));
        server.route("DELETE", ONE, limit.guard(this::delete));
    }

    private SandboxResponse list(SandboxRequest request) {
        return store.find(request.pathVariable("idOrKey")).map(issue -> {
            ObjectNode body = SandboxJson.object();
            ArrayNode keys = body.putArray("keys");
            issue.properties.keySet().forEach(k -> keys.addObject().put("self", self(issue, k)).put("key", k));
            return SandboxResponse.json(200, body);
        }).orElseGet(JiraErrors::issueNotFound);
    }

    private SandboxResponse get(SandboxRequest request) {
        String key = request.pathVariable("propertyKey");
        Optional<Issue> issue = store.find(request.pathVariable("idOrKey"));
        if (issue.isEmpty()) {
            return JiraErrors.issueNotFound();
        }
        JsonNode value = issue.get().properties.get(key);
        if (value == null) {
            return JiraErrors.message(404, "The property with key '" + key + "' does not exist.");
        }
        ObjectNode body = SandboxJson.object();
        body.put("key", key);
        body.set("value", value);
        return SandboxResponse.json(200, body);
    }

    private SandboxResponse put(SandboxRequest request) {
        String key = request.pathVariable("propertyKey");
        if (key.length() > 255) {
            return JiraErrors.message(400, "The property key can not be longer than 255 characters.");
        }
        if (request.body().getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            return JiraErrors.message(400, "The property value can not be longer than 32768 bytes.");
        }
        JsonNode value = request.json();
        return store.putProperty(request.pathVariable("idOrKey"), key, value)
                .map(isNew -> SandboxResponse.empty(isNew ? 201 : 200))
                .orElseGet(JiraErrors::issueNotFound);
    }

    private SandboxResponse delete(SandboxRequest request) {
        String key = request.pathVariable("propertyKey");
        return store.deleteProperty(request.pathVariable("idOrKey"), key)
                .map(existed -> existed ? SandboxResponse.empty(204)
                        : JiraErrors.message(404, "The property with key '" + key + "' does not exist."))
                .orElseGet(JiraErrors::issueNotFound);
    }

    private String self(Issue issue, String key) {
        return api + "/issue/" + issue.id + "/properties/" + key;
    }
}
