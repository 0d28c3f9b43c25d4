package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.sandbox.SandboxHttpServer;
import io.retrobridge.sandbox.SandboxJson;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * JQL search: Cloud's {@code POST /rest/api/3/search/jql} with {@code nextPageToken}/{@code isLast}
 * paging, and the older {@code GET /rest/api/2/search} with {@code startAt}/{@code total}.
 */
final class SearchEndpoints {

    static final String SEARCH_JQL = "/rest/api/3/search/jql";
    static final String SEARCH_V2 = "/rest/api/2/search";
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 5000;
    private static final int MAX_PAGE_FULL_ISSUES = 100;

    private final IssueStore store;
    private final JqlMatcher matcher;
    private final IssueRenderer renderer;
    private final IssueVisibility visibility;
    private final JiraAccounts accounts;

    SearchEndpoints(IssueStore store, JqlMatcher matcher, IssueRenderer renderer, IssueVisibility visibility,
            JiraAccounts accounts) {
        this.store = store;
        this.matcher = matcher;
        this.renderer = renderer;
        this.visibility = visibility;
        this.accounts = accounts;
    }

    /** Search shows only what the caller may see. */
    private Predicate<Issue> seenBy(SandboxRequest request, Predicate<Issue> filter) {
        return accounts.identify(request).map(user -> filter.and(visibility.visibleTo(user))).orElse(filter);
    }

    void register(SandboxHttpServer server) {
        server.route("POST", SEARCH_JQL, this::searchJql);
        server.route("GET", SEARCH_V2, this::searchV2);
    }

    private SandboxResponse searchJql(SandboxRequest request) {
        JsonNode body = request.json();
        String jql = body.path("jql").asText(null);
        FieldSelection fields = FieldSelection.parse(strings(body.path("fields")), "");
        int pageSize = body.path("maxResults").asInt(DEFAULT_PAGE);
        if (pageSize < 1) {
            return JiraErrors.message(400, "maxResults must be at least 1.");
        }
        pageSize = Math.min(pageSize, fields.isHeavy() ? MAX_PAGE_FULL_ISSUES : MAX_PAGE);
        try {
            JqlQuery query = JqlParser.parse(jql);
            if (query.where() == null) {
                return JiraErrors.message(400, "Unbounded JQL queries are not allowed here. Please add a search "
                        + "restriction to your query.");
            }
            int offset = 0;
            String token = body.path("nextPageToken").asText(null);
            if (token != null) {
                offset = PageToken.offset(token, jql);
            }
            List<Issue> matches = store.search(seenBy(request, matcher.filter(query)), JqlMatcher.order(query));
            ObjectNode answer = SandboxJson.object();
            ArrayNode issues = answer.putArray("issues");
            matches.stream().skip(offset).limit(pageSize).forEach(i -> issues.add(renderer.issue(i, fields)));
            int nextOffset = offset + pageSize;
            boolean last = nextOffset >= matches.size();
            if (!last) {
                answer.put("nextPageToken", PageToken.of(nextOffset, jql));
            }
            answer.put("isLast", last);
            return SandboxResponse.json(200, answer);
        } catch (JqlException e) {
            return JiraErrors.message(400, e.getMessage());
        }
    }

    private SandboxResponse searchV2(SandboxRequest request) {
        String jql = request.queryParam("jql", "");
        FieldSelection fields = FieldSelection.parse(request.query().getOrDefault("fields", List.of()), "*navigable");
        int startAt;
        int maxResults;
        try {
            startAt = Integer.parseInt(request.queryParam("startAt", "0"));
            maxResults = Math.min(MAX_PAGE_FULL_ISSUES, Integer.parseInt(request.queryParam("maxResults", "50")));
        } catch (NumberFormatException e) {
            return JiraErrors.message(400, "startAt and maxResults must be whole numbers.");
        }
        if (startAt < 0 || maxResults < 0) {
            return JiraErrors.message(400, "startAt and maxResults must not be negative.");
        }
        try {
            JqlQuery query = jql.isBlank() ? new JqlQuery(null, List.of()) : JqlParser.parse(jql);
            List<Issue> matches = store.search(seenBy(request, matcher.filter(query)), JqlMatcher.order(query));
            ObjectNode answer = SandboxJson.object();
            answer.put("expand", "schema,names");
            answer.put("startAt", startAt);
            answer.put("maxResults", maxResults);
            answer.put("total", matches.size());
            ArrayNode issues = answer.putArray("issues");
            matches.stream().skip(startAt).limit(maxResults).forEach(i -> issues.add(asV2(renderer.issue(i, fields))));
            return SandboxResponse.json(200, answer);
        } catch (JqlException e) {
            return JiraErrors.message(400, e.getMessage());
        }
    }

    /** REST v2 carries rich text as plain strings where v3 carries Atlassian Documents, and links to v2. */
    private static ObjectNode asV2(ObjectNode issue) {
        relinkToV2(issue);
        JsonNode fields = issue.path("fields");
        if (fields.isObject() && fields.has("description") && !fields.get("description").isNull()) {
            ((ObjectNode) fields).put("description", IssueChanges.AdfText.of(fields.get("description")));
        }
        for (JsonNode comment : fields.path("comment").path("comments")) {
            ((ObjectNode) comment).set("body", new TextNode(IssueChanges.AdfText.of(comment.get("body"))));
        }
        return issue;
    }

    private static void relinkToV2(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode self = object.get("self");
            if (self != null && self.isTextual()) {
                object.put("self", self.asText().replace("/rest/api/3/", "/rest/api/2/"));
            }
        }
        node.forEach(SearchEndpoints::relinkToV2);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    /** An opaque token that carries the next offset and is only good for the query it came from. */
    static final class PageToken {

        private PageToken() {
        }

        static String of(int offset, String jql) {
            String raw = offset + ":" + Integer.toHexString(jql.hashCode());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static int offset(String token, String jql) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                String[] parts = raw.split(":");
                if (parts.length == 2 && parts[1].equals(Integer.toHexString(jql.hashCode()))) {
                    return Integer.parseInt(parts[0]);
                }
            } catch (IllegalArgumentException e) {
                // falls through to the refusal below
            }
            throw new JqlException("The provided next page token is invalid or expired, or belongs to a different "
                    + "query; start again without nextPageToken.");
        }
    }
}
