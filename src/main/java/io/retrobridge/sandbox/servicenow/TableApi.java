package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Table API: {@code GET/POST /api/now/table/{table}} and {@code GET/PUT/PATCH/DELETE
 * /api/now/table/{table}/{sys_id}}, also under a version ({@code /api/now/v2/table/...}).
 */
final class TableApi {

    private static final Logger log = LoggerFactory.getLogger(TableApi.class);
    private static final int DEFAULT_LIMIT = 10000;

    private enum Access { READ, INSERT, UPDATE, DELETE }

    @FunctionalInterface
    private interface TableHandler {
        SandboxResponse handle(SandboxRequest request, TableDefinition table, Actor actor);
    }

    private final RecordStore store;
    private final Credentials credentials;
    private final RecordRenderer renderer;
    private final URI baseUrl;
    private final RecordAcl acl;

    TableApi(RecordStore store, Credentials credentials, RecordRenderer renderer, URI baseUrl, RecordAcl acl) {
        this.acl = acl;
        this.store = store;
        this.credentials = credentials;
        this.renderer = renderer;
        this.baseUrl = baseUrl;
    }

    void register(SandboxHttpServer server) {
        for (String prefix : List.of("/api/now/table", "/api/now/{api_version}/table")) {
            server.route("GET", prefix + "/{table}", guarded(Access.READ, this::list));
            server.route("POST", prefix + "/{table}", guarded(Access.INSERT, this::insert));
            server.route("GET", prefix + "/{table}/{sys_id}", guarded(Access.READ, this::get));
            server.route("PATCH", prefix + "/{table}/{sys_id}", guarded(Access.UPDATE, this::update));
            server.route("PUT", prefix + "/{table}/{sys_id}", guarded(Access.UPDATE, this::update));
            server.route("DELETE", prefix + "/{table}/{sys_id}", guarded(Access.DELETE, this::delete));
        }
    }

    /** Resolves the table and the caller, and refuses callers without a role for the operation. */
    private SandboxHttpServer.Handler guarded(Access access, TableHandler handler) {
        return request -> {
            Optional<Credentials.ApiUser> user = credentials.identify(request);
            if (user.isEmpty()) {
                return ServiceNowErrors.notAuthenticated();
            }
            String name = request.pathVariable("table");
            Optional<TableDefinition> table = store.dictionary().table(name);
            if (table.isEmpty()) {
                return ServiceNowErrors.invalidTable(name);
            }
            if (access == Access.READ && !table.get().readRoles().isEmpty()
                    && !user.get().hasAnyRole(table.get().readRoles())) {
                return ServiceNowErrors.readDenied();
            }
            if (access != Access.READ && !user.get().hasAnyRole(table.get().writeRoles())) {
                return ServiceNowErrors.writeDenied(switch (access) {
                    case INSERT -> "Insert";
                    case UPDATE -> "Update";
                    default -> "Delete";
                });
            }
            String sysId = request.pathVariable("sys_id");
            if (sysId != null && acl.hides(name, sysId, user.get().userName())) {
                return ServiceNowErrors.noRecord();
            }
            Actor actor = new Actor(user.get().userName(), store.sysUserIdOf(user.get().userName()));
            return handler.handle(request, table.get(), actor);
        };
    }

    private SandboxResponse list(SandboxRequest request, TableDefinition table, Actor actor) {
        EncodedQuery query = EncodedQuery.parse(request.queryParam("sysparm_query", ""), table, store);
        if (!query.ignored().isEmpty()) {
            log.info("ServiceNow sandbox ignored query parts on {} (unknown field or operator): {}", table.name(),
                    query.ignored());
        }
        List<Map<String, String>> matches = store.query(table, query).stream()
                .filter(record -> !acl.hides(table.name(), record, actor.userName())).toList();
        int limit = positive(request.queryParam("sysparm_limit", ""), DEFAULT_LIMIT);
        int offset = Math.max(0, positive(request.queryParam("sysparm_offset", ""), 0));
        RenderOptions options = RenderOptions.from(request);
        ArrayNode result = SandboxJson.MAPPER.createArrayNode();
        matches.stream().skip(offset).limit(limit).forEach(r -> result.add(renderer.render(table, r, options)));
        ObjectNode body = SandboxJson.object();
        body.set("result", result);
        SandboxResponse response = SandboxResponse.json(200, body);
        if (!Boolean.parseBoolean(request.queryParam("sysparm_no_count", "false"))) {
            response = response.withHeader("X-Total-Count", String.valueOf(matches.size()));
        }
        if (!Boolean.parseBoolean(request.queryParam("sysparm_suppress_pagination_header", "false"))) {
            response = response.withHeader("Link",
                    PagingLinks.header(baseUrl + request.path(), request.query(), offset, limit, matches.size()));
        }
        return response;
    }

    private SandboxResponse get(SandboxRequest request, TableDefinition table, Actor actor) {
        return store.get(table.name(), request.pathVariable("sys_id"))
                .map(record -> result(200, table, record, request))
                .orElseGet(ServiceNowErrors::noRecord);
    }

    private SandboxResponse insert(SandboxRequest request, TableDefinition table, Actor actor) {
        Optional<Map<String, String>> input = fields(request);
        if (input.isEmpty()) {
            return ServiceNowErrors.unreadableBody("The payload is not valid JSON.");
        }
        Map<String, String> record = store.insert(table, input.get(), actor);
        return result(201, table, record, request).withHeader("Location",
                baseUrl + "/api/now/table/" + table.name() + "/" + record.get("sys_id"));
    }

    private SandboxResponse update(SandboxRequest request, TableDefinition table, Actor actor) {
        Optional<Map<String, String>> input = fields(request);
        if (input.isEmpty()) {
            return ServiceNowErrors.unreadableBody("The payload is not valid JSON.");
        }
        Optional<Map<String, String>> updated;
        synchronized (store) { // the store's own lock, so no other write moves the state between check and write
            Optional<SandboxResponse> refused = refusedStateMove(table, request.pathVariable("sys_id"), input.get());
            if (refused.isPresent()) {
                return refused.get();
            }
            updated = store.update(table, request.pathVariable("sys_id"), input.get(), actor);
        }
        return updated.map(record -> result(200, table, record, request))
                .orElseGet(ServiceNowErrors::noRecord);
    }

    /** A change request only moves along its type's state model; a write that leaves it refuses the whole write. */
    private Optional<SandboxResponse> refusedStateMove(TableDefinition table, String sysId,
            Map<String, String> input) {
        if (!table.name().equals(ServiceNowDictionary.CHANGE_REQUEST) || !input.containsKey("state")) {
            return Optional.empty();
        }
        return store.get(table.name(), sysId).flatMap(current -> {
            String type = input.getOrDefault("type", current.get("type"));
            String from = current.get("state");
            String to = input.get("state");
            if (ChangeStateModel.allows(type, from, to)) {
                return Optional.empty();
            }
            FieldDefinition state = table.fields().get("state");
            return Optional.of(ServiceNowErrors.invalidStateTransition(state.choiceLabel(from), state.choiceLabel(to)));
        });
    }

    private SandboxResponse delete(SandboxRequest request, TableDefinition table, Actor actor) {
        return store.delete(table, request.pathVariable("sys_id"))
                .map(removed -> SandboxResponse.empty(204))
                .orElseGet(ServiceNowErrors::noRecord);
    }

    private SandboxResponse result(int status, TableDefinition table, Map<String, String> record,
            SandboxRequest request) {
        if (Boolean.parseBoolean(request.header("X-no-response-body"))) {
            return SandboxResponse.empty(status);
        }
        ObjectNode body = SandboxJson.object();
        body.set("result", renderer.render(table, record, RenderOptions.from(request)));
        return SandboxResponse.json(status, body);
    }

    /** The request body as field name to text; empty when it is not a JSON object. */
    private static Optional<Map<String, String>> fields(SandboxRequest request) {
        JsonNode json;
        try {
            json = request.json();
        } catch (SandboxJson.MalformedJson e) {
            return Optional.empty();
        }
        if (!json.isObject()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> fields.put(e.getKey(), text(e.getValue())));
        return Optional.of(fields);
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static int positive(String text, int fallback) {
        try {
            int value = Integer.parseInt(text.trim());
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
