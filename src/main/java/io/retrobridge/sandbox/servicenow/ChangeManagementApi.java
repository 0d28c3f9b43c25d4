package io.retrobridge.sandbox.servicenow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read side of the Change Management API: {@code GET /api/sn_chg_rest/change} (with {@code sysparm_query},
 * {@code sysparm_limit} and {@code sysparm_offset} as in the Table API) and {@code GET
 * /api/sn_chg_rest/change/{sys_id}}, also under a version ({@code /api/sn_chg_rest/v1/change}).
 */
final class ChangeManagementApi {

    private static final int DEFAULT_LIMIT = 10000;
    /** The roles the documentation names for GET on this API. */
    private static final Set<String> READ_ROLES = Set.of("change_manager", "itil", "sn_change_read");

    private final RecordStore store;
    private final Credentials credentials;
    private final ChangeRecordRenderer renderer;
    private final URI baseUrl;
    private final RecordAcl acl;

    ChangeManagementApi(RecordStore store, Credentials credentials, RecordRenderer renderer, URI baseUrl,
            RecordAcl acl) {
        this.store = store;
        this.credentials = credentials;
        this.renderer = new ChangeRecordRenderer(renderer);
        this.baseUrl = baseUrl;
        this.acl = acl;
    }

    void register(SandboxHttpServer server) {
        for (String prefix : List.of("/api/sn_chg_rest", "/api/sn_chg_rest/{api_version}")) {
            server.route("GET", prefix + "/change", this::list);
            server.route("GET", prefix + "/change/{sys_id}", this::get);
        }
    }

    private SandboxResponse list(SandboxRequest request) {
        Optional<Credentials.ApiUser> user = credentials.identify(request);
        if (user.isEmpty()) {
            return ServiceNowErrors.notAuthenticated();
        }
        if (!user.get().hasAnyRole(READ_ROLES)) {
            return ServiceNowErrors.readDenied();
        }
        TableDefinition table = changeTable();
        EncodedQuery query = EncodedQuery.parse(request.queryParam("sysparm_query", ""), table, store);
        List<Map<String, String>> matches = store.query(table, query).stream()
                .filter(record -> !acl.hides(table.name(), record, user.get().userName())).toList();
        int limit = positive(request.queryParam("sysparm_limit", ""), DEFAULT_LIMIT);
        int offset = positive(request.queryParam("sysparm_offset", ""), 0);
        ArrayNode result = SandboxJson.MAPPER.createArrayNode();
        matches.stream().skip(offset).limit(limit).forEach(r -> result.add(renderer.render(table, r)));
        ObjectNode body = SandboxJson.object();
        body.set("result", result);
        return SandboxResponse.json(200, body)
                .withHeader("X-Total-Count", String.valueOf(matches.size()))
                .withHeader("Link", PagingLinks.header(baseUrl + request.path(), request.query(), offset, limit,
                        matches.size()));
    }

    private SandboxResponse get(SandboxRequest request) {
        Optional<Credentials.ApiUser> user = credentials.identify(request);
        if (user.isEmpty()) {
            return ServiceNowErrors.notAuthenticated();
        }
        if (!user.get().hasAnyRole(READ_ROLES)) {
            return ServiceNowErrors.readDenied();
        }
        TableDefinition table = changeTable();
        String sysId = request.pathVariable("sys_id");
        if (acl.hides(table.name(), sysId, user.get().userName())) {
            return ServiceNowErrors.noRecord();
        }
        return store.get(table.name(), sysId).map(record -> {
            ObjectNode body = SandboxJson.object();
            body.set("result", renderer.render(table, record));
            return SandboxResponse.json(200, body);
        }).orElseGet(ServiceNowErrors::noRecord);
    }

    private TableDefinition changeTable() {
        return store.dictionary().table(ServiceNowDictionary.CHANGE_REQUEST).orElseThrow();
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
