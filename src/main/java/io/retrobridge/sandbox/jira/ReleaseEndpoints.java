package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Project versions ({@code GET /rest/api/3/project/{projectIdOrKey}/versions}, not paged; v2 alike) and a board's
 * sprints through Jira Software's Agile API ({@code GET /rest/agile/1.0/board/{boardId}/sprint}, paged by
 * {@code startAt}/{@code maxResults} with {@code isLast}, filtered by {@code state}).
 */
final class ReleaseEndpoints {

    static final String VERSIONS = "/rest/api/3/project/{projectIdOrKey}/versions";
    static final String VERSIONS_V2 = "/rest/api/2/project/{projectIdOrKey}/versions";
    static final String SPRINTS = "/rest/agile/1.0/board/{boardId}/sprint";
    private static final int MAX_SPRINTS_PER_PAGE = 50;

    private final IssueStore store;
    private final JiraReleases releases;
    private final IssueRenderer renderer;
    private final String base;

    ReleaseEndpoints(IssueStore store, JiraReleases releases, IssueRenderer renderer, URI baseUrl) {
        this.store = store;
        this.releases = releases;
        this.renderer = renderer;
        this.base = baseUrl.toString();
    }

    void register(SandboxHttpServer server) {
        server.route("GET", VERSIONS, this::versions);
        server.route("GET", VERSIONS_V2, this::versions);
        server.route("GET", SPRINTS, this::sprints);
    }

    private SandboxResponse versions(SandboxRequest request) {
        String idOrKey = request.pathVariable("projectIdOrKey");
        Optional<JiraProject> project = store.project(idOrKey);
        if (project.isEmpty()) {
            return JiraErrors.message(404, "No project could be found with key '" + idOrKey + "'.");
        }
        ArrayNode list = SandboxJson.MAPPER.createArrayNode();
        releases.versions(project.get().key()).forEach(v -> list.add(renderer.version(v)));
        return SandboxResponse.json(200, list);
    }

    private SandboxResponse sprints(SandboxRequest request) {
        long boardId;
        try {
            boardId = Long.parseLong(request.pathVariable("boardId"));
        } catch (NumberFormatException e) {
            return JiraErrors.message(400, "The board id must be a number.");
        }
        if (releases.board(boardId).isEmpty()) {
            return JiraErrors.message(404, "Board does not exist or you do not have permission to see it.");
        }
        Set<String> states = new LinkedHashSet<>();
        for (String state : request.queryParam("state", "future,active,closed").split(",")) {
            if (!state.isBlank() && !JiraReleases.SPRINT_STATES.contains(state.strip())) {
                return JiraErrors.message(400, "The sprint state '" + state.strip() + "' is not valid. Valid values"
                        + " are future, active and closed.");
            }
            if (!state.isBlank()) {
                states.add(state.strip());
            }
        }
        int startAt;
        int maxResults;
        try {
            startAt = Math.max(0, Integer.parseInt(request.queryParam("startAt", "0")));
            maxResults = Math.min(MAX_SPRINTS_PER_PAGE, Math.max(1,
                    Integer.parseInt(request.queryParam("maxResults", String.valueOf(MAX_SPRINTS_PER_PAGE)))));
        } catch (NumberFormatException e) {
            return JiraErrors.message(400, "startAt and maxResults must be numbers.");
        }
        List<JiraReleases.Sprint> all = releases.sprints(boardId, states);
        List<JiraReleases.Sprint> page = all.stream().skip(startAt).limit(maxResults).toList();
        ObjectNode body = SandboxJson.object();
        body.put("maxResults", maxResults);
        body.put("startAt", startAt);
        body.put("isLast", startAt + page.size() >= all.size());
        ArrayNode values = body.putArray("values");
        page.forEach(s -> values.add(sprint(s)));
        return SandboxResponse.json(200, body);
    }

    private ObjectNode sprint(JiraReleases.Sprint sprint) {
        ObjectNode node = renderer.sprint(sprint);
        node.put("self", base + "/rest/agile/1.0/sprint/" + sprint.id());
        node.put("originBoardId", sprint.boardId());
        return node;
    }
}
