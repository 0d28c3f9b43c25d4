package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.util.List;

/** {@code /rest/api/3/myself}, {@code /rest/api/3/user?accountId=} and {@code /rest/api/3/user/search?query=}. */
final class UserEndpoints {

    private final JiraAccounts accounts;
    private final IssueRenderer renderer;
    private final Caller caller;

    UserEndpoints(JiraAccounts accounts, IssueRenderer renderer, Caller caller) {
        this.accounts = accounts;
        this.renderer = renderer;
        this.caller = caller;
    }

    void register(SandboxHttpServer server) {
        server.route("GET", "/rest/api/3/myself", r -> SandboxResponse.json(200, renderer.myself(caller.of(r))));
        // Server/Data Center asks v2 for the same account, e.g. for the time zone JQL dates are read in.
        server.route("GET", "/rest/api/2/myself", r -> SandboxResponse.json(200, renderer.myself(caller.of(r))));
        server.route("GET", "/rest/api/3/user", this::user);
        server.route("GET", "/rest/api/3/user/search", this::search);
    }

    private SandboxResponse user(SandboxRequest request) {
        String accountId = request.queryParam("accountId", null);
        if (accountId == null) {
            return JiraErrors.message(400, "The query parameter 'accountId' is required.");
        }
        return accounts.byId(accountId).map(u -> SandboxResponse.json(200, renderer.user(u)))
                .orElseGet(() -> JiraErrors.message(404, "Specified user does not exist or you do not have required permissions"));
    }

    private SandboxResponse search(SandboxRequest request) {
        String query = request.queryParam("query", null);
        String accountId = request.queryParam("accountId", null);
        if ((query == null || query.isBlank()) && accountId == null) {
            return JiraErrors.message(400, "One of 'query' or 'accountId' query parameters must be provided.");
        }
        int startAt;
        int maxResults;
        try {
            startAt = Integer.parseInt(request.queryParam("startAt", "0"));
            maxResults = Math.min(1000, Integer.parseInt(request.queryParam("maxResults", "50")));
        } catch (NumberFormatException e) {
            return JiraErrors.message(400, "startAt and maxResults must be whole numbers.");
        }
        List<JiraUser> found = accountId != null ? accounts.byId(accountId).stream().toList() : accounts.search(query);
        ArrayNode users = SandboxJson.MAPPER.createArrayNode();
        found.stream().skip(Math.max(0, startAt)).limit(Math.max(0, maxResults)).forEach(u -> users.add(renderer.user(u)));
        return SandboxResponse.json(200, users);
    }
}
