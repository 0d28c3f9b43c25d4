package io.retrobridge.jira;

import static io.retrobridge.transport.OutboundRequest.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.transport.OutboundRequest;
import io.retrobridge.transport.OutboundResponse;
import io.retrobridge.transport.RemoteCallException;
import io.retrobridge.transport.RemoteSystem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Jira's REST API as the sync flow needs it, for Jira Cloud (REST v3: Atlassian Document bodies,
 * {@code search/jql} with page tokens, accountIds) and Server/Data Center (REST v2: wiki-markup strings,
 * {@code search} with {@code startAt}, user names) through one class. Every call goes through
 * {@link RemoteSystem#call}, so failures arrive as {@link RemoteCallException}; bad arguments are refused
 * with {@link IllegalArgumentException} before anything is sent.
 */
@Component
public class JiraClient {

    private static final Logger log = LoggerFactory.getLogger(JiraClient.class);

    private static final Pattern ISSUE_ID_OR_KEY = Pattern.compile("[A-Z][A-Z0-9_]+-\\d+|\\d+");
    private static final Pattern ISSUE_ID = Pattern.compile("\\d+");
    private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,255}");
    private static final int MAX_PAGE_SIZE = 5000;
    private static final int LABEL_PAGE_SIZE = 100;
    private static final int COMMENT_PAGE_SIZE = 100;
    private static final String STATUS = "status";

    private final RemoteSystem jira;
    private final boolean cloud;
    private final String api;
    private final Map<String, Optional<String>> accountIdsByEmail = new ConcurrentHashMap<>();
    private volatile ZoneId userTimeZone;
    private volatile String integrationAccountId;
    private volatile JsonNode myself;

    @Autowired
    public JiraClient(@Qualifier(JiraConnectionConfiguration.REMOTE_SYSTEM) RemoteSystem jira, JiraProperties properties) {
        this(jira, properties.isCloud());
    }

    /** @param cloud true for Jira Cloud (REST v3), false for Server/Data Center (REST v2) */
    public JiraClient(RemoteSystem jira, boolean cloud) {
        this.jira = Objects.requireNonNull(jira, "jira");
        this.cloud = cloud;
        this.api = cloud ? "/rest/api/3" : "/rest/api/2";
    }

    public boolean isCloud() {
        return cloud;
    }

    // ---- issues ---------------------------------------------------------------------------------

    /** The issue with the given fields ({@code updated} is always read), or empty when Jira says 404. */
    public Optional<JiraIssue> find(String idOrKey, Collection<String> fields) {
        OutboundRequest request = OutboundRequest.get(issuePath(idOrKey)).withQuery("fields", fieldList(fields));
        try {
            return Optional.of(JiraPayloads.issue(json(request)));
        } catch (RemoteCallException e) {
            if (e.failure() == RemoteCallException.Failure.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * One page of issues matching {@code jql}. Pass the page's {@code nextPageToken} to get the next
     * one; Jira may return fewer than {@code pageSize} issues per page (it caps pages of heavy fields).
     *
     * @param pageToken null for the first page
     */
    public JiraSearchPage search(String jql, Collection<String> fields, String pageToken, int pageSize) {
        if (jql == null || jql.isBlank()) {
            throw new IllegalArgumentException("a Jira search needs JQL; build it with Jql.query()");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        return cloud ? searchV3(jql, fields, pageToken, pageSize) : searchV2(jql, fields, pageToken, pageSize);
    }

    private JiraSearchPage searchV3(String jql, Collection<String> fields, String pageToken, int pageSize) {
        ObjectNode body = JiraPayloads.JSON.createObjectNode();
        body.put("jql", jql);
        ArrayNode wanted = body.putArray("fields");
        fieldSet(fields).forEach(wanted::add);
        body.put("maxResults", pageSize);
        if (pageToken != null) {
            body.put("nextPageToken", pageToken);
        }
        JsonNode answer = json(OutboundRequest.post(api + "/search/jql", JiraPayloads.write(body)));
        List<JiraIssue> issues = issues(answer.path("issues"));
        JsonNode next = answer.path("nextPageToken");
        boolean last = answer.path("isLast").asBoolean(false) || !next.isTextual() || next.asText().isEmpty();
        return new JiraSearchPage(issues, last ? Optional.empty() : Optional.of(next.asText()));
    }

    /** Server/Data Center pages by offset; our token is simply the next {@code startAt}. */
    private JiraSearchPage searchV2(String jql, Collection<String> fields, String pageToken, int pageSize) {
        int startAt = startAtOf(pageToken);
        OutboundRequest request = OutboundRequest.get(api + "/search")
                .withQuery("jql", jql)
                .withQuery("startAt", startAt)
                .withQuery("maxResults", pageSize)
                .withQuery("fields", fieldList(fields));
        JsonNode answer = json(request);
        List<JiraIssue> issues = issues(answer.path("issues"));
        int nextStart = startAt + issues.size();
        boolean last = issues.isEmpty() || nextStart >= answer.path("total").asInt(0);
        return new JiraSearchPage(issues, last ? Optional.empty() : Optional.of(String.valueOf(nextStart)));
    }

    private static int startAtOf(String pageToken) {
        if (pageToken == null) {
            return 0;
        }
        try {
            int startAt = Integer.parseInt(pageToken);
            if (startAt >= 0) {
                return startAt;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("'" + pageToken + "' is not a page token of this Jira (Server/Data Center "
                + "tokens are the next startAt); pass the token a previous search returned, or null for the first page");
    }

    /** Every issue of the project carrying the label (our correlation label {@code rb-<id>}). */
    public List<JiraIssue> findByLabel(String projectKey, String label, Collection<String> fields) {
        if (projectKey == null || projectKey.isBlank() || label == null || label.isBlank()) {
            throw new IllegalArgumentException("finding by label needs a project key and a label");
        }
        String jql = Jql.query().eq("project", projectKey).eq("labels", label).orderBy("created", true).build();
        List<JiraIssue> found = new ArrayList<>();
        String token = null;
        do {
            JiraSearchPage page = search(jql, fields, token, LABEL_PAGE_SIZE);
            found.addAll(page.issues());
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return found;
    }

    /**
     * Creates the issue, moves it to {@code fields.status.name} if one is given (Jira creates every issue
     * in its workflow's initial status), and reads it back by the id (or key) the answer named. The answer is the
     * truth: once it names the issue, that issue is the one created, whatever else the answer lacks, and reading it
     * by id is consistent (unlike a search).
     *
     * @throws JiraTransitionRefusedException when the issue was created but could not reach the status;
     *         {@link JiraTransitionRefusedException#issue()} then names the new issue
     * @throws RemoteCallException when the answer names no issue: whether one was created is then unknown, and the
     *         caller must settle that before trying again
     */
    public JiraIssue create(ObjectNode fields) {
        Objects.requireNonNull(fields, "fields");
        Optional<String> status = statusName(fields);
        ObjectNode toCreate = withoutStatus(fields);
        ObjectNode body = JiraPayloads.JSON.createObjectNode();
        body.set("fields", toCreate);
        OutboundRequest request = OutboundRequest.post(api + "/issue", JiraPayloads.write(body));
        JsonNode created = json(request);
        String id = created.path("id").asText("");
        String key = created.path("key").asText("");
        String named = ISSUE_ID_OR_KEY.matcher(key).matches() ? key : ISSUE_ID.matcher(id).matches() ? id : null;
        if (named == null) {
            throw RemoteCallException.forUnusableAnswer(jira.name(), request, 201, "it named no issue id or key");
        }
        log.info("Created Jira issue {}", named);
        if (status.isPresent()) {
            try {
                transitionTo(named, status.get(), toCreate);
            } catch (JiraTransitionRefusedException e) {
                // The issue exists now: say so, so the caller links it instead of creating it again.
                throw new JiraTransitionRefusedException(named, e.targetStatus(), e.missingFields(),
                        "Created " + named + " but could not move it: " + e.getMessage());
            } catch (RemoteCallException e) {
                if (e.failure() != RemoteCallException.Failure.NOT_FOUND) {
                    throw e;
                }
                // Hidden before it could be moved; its status follows once the account sees it again.
                return createdButHidden(id, named);
            }
        }
        return find(named, List.of("*all")).orElseGet(() -> createdButHidden(id, named));
    }

    /**
     * The issue just created, which Jira does not show the connector's account (Browse Projects missing, an issue
     * security level): still the one created, so the caller links it instead of creating it again.
     */
    private JiraIssue createdButHidden(String id, String named) {
        log.warn("Jira created {} but does not show it to the connector's account; check its Browse Projects "
                + "permission", named);
        return new JiraIssue(ISSUE_ID.matcher(id).matches() ? id : named, named, null,
                JiraPayloads.JSON.createObjectNode());
    }

    /** Sets the given fields; a {@code status} among them is ignored (status moves only by transition). */
    public void edit(String idOrKey, ObjectNode fields) {
        Objects.requireNonNull(fields, "fields");
        String path = issuePath(idOrKey);
        ObjectNode toSet = withoutStatus(fields);
        if (toSet.isEmpty()) {
            return;
        }
        ObjectNode body = JiraPayloads.JSON.createObjectNode();
        body.set("fields", toSet);
        jira.call(OutboundRequest.put(path, JiraPayloads.write(body)));
    }

    /**
     * Adds and removes single labels with the edit's {@code update} operations, so every other label stays as
     * it is (a {@code fields.labels} edit would replace the whole set, and race with people editing labels).
     */
    public void changeLabels(String idOrKey, Collection<String> add, Collection<String> remove) {
        String path = issuePath(idOrKey);
        ArrayNode operations = JiraPayloads.JSON.createArrayNode();
        add.forEach(label -> operations.addObject().put("add", label));
        remove.forEach(label -> operations.addObject().put("remove", label));
        if (operations.isEmpty()) {
            return;
        }
        ObjectNode body = JiraPayloads.JSON.createObjectNode();
        body.putObject("update").set("labels", operations);
        jira.call(OutboundRequest.put(path, JiraPayloads.write(body)));
    }

    // ---- transitions ----------------------------------------------------------------------------

    /**
     * Moves the issue to the status called {@code statusName} (case-insensitive) along the transition
     * that leads there. Fields the transition screen requires are taken from {@code screenFields}; other
     * screen fields are sent when given there, fields not on the screen are left out. An issue already
     * in that status is left alone.
     *
     * @throws JiraTransitionRefusedException when no transition leads there, a required field is not
     *         given, or Jira refused the transition (400); nothing was changed
     */
    public void transitionTo(String idOrKey, String statusName, ObjectNode screenFields) {
        String path = issuePath(idOrKey);
        if (statusName == null || statusName.isBlank()) {
            throw new IllegalArgumentException("name the status to move " + idOrKey + " to");
        }
        ObjectNode given = screenFields == null ? JiraPayloads.JSON.createObjectNode() : screenFields;
        JsonNode current = json(OutboundRequest.get(path).withQuery("fields", STATUS));
        if (statusName.equalsIgnoreCase(current.path("fields").path(STATUS).path("name").asText())) {
            return;
        }
        JsonNode transitions = json(OutboundRequest.get(path + "/transitions").withQuery("expand", "transitions.fields"))
                .path("transitions");
        JsonNode chosen = null;
        List<String> reachable = new ArrayList<>();
        for (JsonNode t : transitions) {
            String to = t.path("to").path("name").asText();
            reachable.add(to);
            if (chosen == null && to.equalsIgnoreCase(statusName)) {
                chosen = t;
            }
        }
        if (chosen == null) {
            throw new JiraTransitionRefusedException(idOrKey, statusName, List.of(), "Jira offers no transition from "
                    + current.path("fields").path(STATUS).path("name").asText("?") + " to '" + statusName + "' for "
                    + idOrKey + "; it can go to " + reachable + ". Check the status name in the mapping or the workflow.");
        }
        ObjectNode fields = JiraPayloads.JSON.createObjectNode();
        List<String> missing = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> screen = chosen.path("fields").fields();
        while (screen.hasNext()) {
            Map.Entry<String, JsonNode> field = screen.next();
            JsonNode value = given.get(field.getKey());
            if (value != null && !value.isNull()) {
                fields.set(field.getKey(), value);
            } else if (field.getValue().path("required").asBoolean(false)
                    && !field.getValue().path("hasDefaultValue").asBoolean(false)) {
                missing.add(field.getKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new JiraTransitionRefusedException(idOrKey, statusName, missing, "Moving " + idOrKey + " to '"
                    + statusName + "' needs " + missing + " on Jira's transition screen, which RetroBridge does not "
                    + "fill; make " + (missing.size() == 1 ? "it" : "them") + " optional on that transition in the "
                    + "Jira workflow, then replay the dead letter");
        }
        ObjectNode body = JiraPayloads.JSON.createObjectNode();
        body.putObject("transition").put("id", chosen.path("id").asText());
        if (!fields.isEmpty()) {
            body.set("fields", fields);
        }
        post400Aware(OutboundRequest.post(path + "/transitions", JiraPayloads.write(body)), idOrKey, statusName);
    }

    /**
     * The transition POST through {@link RemoteSystem#exchange}: a 400 carries Jira's reasons in its body,
     * which a {@link RemoteCallException} deliberately leaves out; every other failure is raised as usual.
     */
    private void post400Aware(OutboundRequest request, String idOrKey, String statusName) {
        OutboundResponse response = jira.exchange(request);
        if (response.isSuccess()) {
            return;
        }
        if (response.status() != 400) {
            throw RemoteCallException.forResponse(jira.name(), request, response);
        }
        JsonNode errors = JiraPayloads.parseOrNull(response.body());
        List<String> fields = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (errors != null) {
            errors.path("errorMessages").forEach(m -> reasons.add(m.asText()));
            errors.path("errors").fields().forEachRemaining(e -> {
                fields.add(e.getKey());
                reasons.add(e.getKey() + ": " + e.getValue().asText());
            });
        }
        throw new JiraTransitionRefusedException(idOrKey, statusName, fields, "Jira refused moving " + idOrKey
                + " to '" + statusName + "': " + (reasons.isEmpty() ? "no reason given" : String.join("; ", reasons)));
    }

    // ---- comments -------------------------------------------------------------------------------

    /** @param body an Atlassian Document (Cloud) or a wiki-markup string (Server/Data Center) */
    public JiraComment addComment(String idOrKey, JsonNode body) {
        String path = issuePath(idOrKey) + "/comment";
        requireCommentBody(body);
        ObjectNode request = JiraPayloads.JSON.createObjectNode();
        request.set("body", body);
        return JiraPayloads.comment(json(OutboundRequest.post(path, JiraPayloads.write(request))));
    }

    /** A comment body in this flavour's form: an Atlassian Document on Cloud, wiki markup on Server/Data Center. */
    private void requireCommentBody(JsonNode body) {
        if (cloud && (body == null || !body.isObject() || !"doc".equals(body.path("type").asText()))) {
            throw new IllegalArgumentException("a Jira Cloud comment body must be an Atlassian Document "
                    + "({\"type\":\"doc\",\"version\":1,\"content\":[...]})");
        }
        if (!cloud && (body == null || !body.isTextual() || body.asText().isBlank())) {
            throw new IllegalArgumentException("a Jira Server/Data Center comment body must be a non-empty wiki-markup string");
        }
    }

    /** Every comment of the issue, oldest first. */
    public List<JiraComment> comments(String idOrKey) {
        String path = issuePath(idOrKey) + "/comment";
        List<JiraComment> comments = new ArrayList<>();
        int total;
        do {
            JsonNode page = json(OutboundRequest.get(path).withQuery("startAt", comments.size())
                    .withQuery("maxResults", COMMENT_PAGE_SIZE));
            int before = comments.size();
            page.path("comments").forEach(c -> comments.add(JiraPayloads.comment(c)));
            total = page.path("total").asInt(comments.size());
            if (comments.size() == before) {
                break;
            }
        } while (comments.size() < total);
        return comments;
    }

    // ---- users ----------------------------------------------------------------------------------

    /**
     * The accountId (Cloud) or user name (Server/Data Center) of the user whose e-mail is exactly this
     * one, ignoring case; empty when Jira shows no such user (or hides e-mail addresses). Answers are
     * kept for the life of this client.
     */
    public Optional<String> accountIdByEmail(String email) {
        if (email == null || email.isBlank() || !email.contains("@")) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address");
        }
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        Optional<String> cached = accountIdsByEmail.get(wanted);
        if (cached != null) {
            return cached;
        }
        OutboundRequest request = OutboundRequest.get(api + "/user/search").withQuery(cloud ? "query" : "username", wanted);
        Optional<String> found = Optional.empty();
        for (JsonNode user : json(request)) {
            if (wanted.equalsIgnoreCase(user.path("emailAddress").asText())) {
                String id = cloud ? user.path("accountId").asText("") : user.path("name").asText("");
                if (!id.isEmpty()) {
                    found = Optional.of(id);
                    break;
                }
            }
        }
        accountIdsByEmail.put(wanted, found);
        return found;
    }

    /**
     * The connector account's time zone, in which Jira reads the dates of a JQL query; asked once.
     * UTC when Jira does not say or names a zone Java does not know.
     */
    public ZoneId userTimeZone() {
        ZoneId zone = userTimeZone;
        if (zone == null) {
            String name = myself().path("timeZone").asText("");
            zone = ZoneOffset.UTC;
            if (!name.isBlank()) {
                try {
                    zone = ZoneId.of(name);
                } catch (DateTimeException e) {
                    log.warn("Jira names the connector account's time zone '{}', which is unknown here; using UTC", name);
                }
            }
            userTimeZone = zone;
        }
        return zone;
    }

    /**
     * The connector account's id as Jira names authors and creators: the accountId on Cloud, the user name on
     * Server/Data Center. Asked once. Markers on issues and comments count only when this account wrote them.
     */
    public String integrationAccountId() {
        String id = integrationAccountId;
        if (id == null) {
            JsonNode me = myself();
            id = me.hasNonNull("accountId") ? me.get("accountId").asText() : me.path("name").asText("");
            if (id.isBlank()) {
                throw new IllegalStateException("Jira's /myself names no accountId or user name for the connector account");
            }
            integrationAccountId = id;
        }
        return id;
    }

    /** Whether {@code user} (an author, creator or reporter object) is the connector account. */
    public boolean isIntegrationAccount(JsonNode user) {
        if (user == null || !user.isObject()) {
            return false;
        }
        String id = user.hasNonNull("accountId") ? user.get("accountId").asText() : user.path("name").asText("");
        return !id.isBlank() && id.equals(integrationAccountId());
    }

    private JsonNode myself() {
        JsonNode me = myself;
        if (me == null) {
            me = json(OutboundRequest.get(api + "/myself"));
            myself = me;
        }
        return me;
    }

    // ---- entity properties ----------------------------------------------------------------------

    public void setProperty(String idOrKey, String propertyKey, JsonNode value) {
        Objects.requireNonNull(value, "property value");
        jira.call(OutboundRequest.put(propertyPath(idOrKey, propertyKey), JiraPayloads.write(value)));
    }

    /** The property's value, or empty when the issue or the property does not exist. */
    public Optional<JsonNode> property(String idOrKey, String propertyKey) {
        try {
            return Optional.of(json(OutboundRequest.get(propertyPath(idOrKey, propertyKey))).path("value"))
                    .filter(v -> !v.isMissingNode());
        } catch (RemoteCallException e) {
            if (e.failure() == RemoteCallException.Failure.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String propertyPath(String idOrKey, String propertyKey) {
        String issue = issuePath(idOrKey);
        if (propertyKey == null || !PROPERTY_KEY.matcher(propertyKey).matches()) {
            // Servers in front of Jira commonly refuse an encoded slash in a path, so such keys are kept out.
            throw new IllegalArgumentException("'" + propertyKey + "' is not an issue property key this connector uses: "
                    + "1 to 255 letters, digits, '.', '_', ':' or '-'");
        }
        return issue + "/properties/" + segment(propertyKey);
    }

    private String issuePath(String idOrKey) {
        if (idOrKey == null || !ISSUE_ID_OR_KEY.matcher(idOrKey).matches()) {
            throw new IllegalArgumentException("'" + idOrKey + "' is neither a Jira issue key (like PAY-12) nor an "
                    + "issue id (digits only)");
        }
        return api + "/issue/" + segment(idOrKey);
    }

    private JsonNode json(OutboundRequest request) {
        OutboundResponse response = jira.call(request);
        JsonNode body = JiraPayloads.parseOrNull(response.body());
        if (body == null) {
            throw RemoteCallException.forUnusableAnswer(jira.name(), request, response.status(), "its body is not JSON");
        }
        return body;
    }

    private static List<JiraIssue> issues(JsonNode array) {
        List<JiraIssue> issues = new ArrayList<>();
        array.forEach(i -> issues.add(JiraPayloads.issue(i)));
        return issues;
    }

    /** The fields asked for, plus {@code updated}, which every {@link JiraIssue} carries. */
    private static Set<String> fieldSet(Collection<String> fields) {
        Set<String> wanted = new LinkedHashSet<>();
        if (fields == null || fields.isEmpty()) {
            wanted.add("*navigable");
        } else {
            for (String field : fields) {
                if (field == null || field.isBlank() || field.contains(",")) {
                    throw new IllegalArgumentException("'" + field + "' is not a Jira field id");
                }
                wanted.add(field.strip());
            }
        }
        wanted.add("updated");
        return wanted;
    }

    private static String fieldList(Collection<String> fields) {
        return String.join(",", fieldSet(fields));
    }

    private static Optional<String> statusName(ObjectNode fields) {
        JsonNode status = fields.get(STATUS);
        if (status == null || status.isNull()) {
            return Optional.empty();
        }
        String name = status.isTextual() ? status.asText() : status.path("name").asText("");
        if (name.isBlank()) {
            throw new IllegalArgumentException("fields.status must be {\"name\": \"<status>\"}; Jira moves issues by "
                    + "status name, e.g. {\"name\": \"In Progress\"}");
        }
        return Optional.of(name);
    }

    private static ObjectNode withoutStatus(ObjectNode fields) {
        ObjectNode copy = fields.deepCopy();
        copy.remove(STATUS);
        return copy;
    }

    // ---- release planning -----------------------------------------------------------------------

    private static final Pattern PROJECT_ID_OR_KEY = Pattern.compile("[A-Z][A-Z0-9_]+|\\d+");
    private static final int SPRINT_PAGE_SIZE = 50;

    /**
     * Every version of the project, released, unreleased and archived, in the project's own order (its version
     * sequence): {@code GET /project/{projectIdOrKey}/versions}, which is not paged.
     */
    public List<JiraVersion> projectVersions(String projectIdOrKey) {
        if (projectIdOrKey == null || !PROJECT_ID_OR_KEY.matcher(projectIdOrKey).matches()) {
            throw new IllegalArgumentException("'" + projectIdOrKey + "' is neither a Jira project key (like PAY) nor a "
                    + "project id (digits only)");
        }
        List<JiraVersion> versions = new ArrayList<>();
        for (JsonNode v : json(OutboundRequest.get(api + "/project/" + segment(projectIdOrKey) + "/versions"))) {
            versions.add(new JiraVersion(v.path("id").asText(""), v.path("name").asText(""),
                    v.path("released").asBoolean(false), v.path("archived").asBoolean(false),
                    releaseDate(v.path("releaseDate"))));
        }
        return versions;
    }

    /**
     * The board's sprints in the given states ({@code active}, {@code future}, {@code closed}), in the board's order,
     * through Jira Software's Agile API ({@code /rest/agile/1.0}, the same on Cloud and Server/Data Center); every page.
     */
    public List<JiraSprint> boardSprints(long boardId, Collection<String> states) {
        if (boardId < 1) {
            throw new IllegalArgumentException("a Jira board id is a positive number, not " + boardId);
        }
        if (states.isEmpty() || !List.of("active", "future", "closed").containsAll(states)) {
            throw new IllegalArgumentException("sprint states are active, future and closed, not " + states);
        }
        List<JiraSprint> sprints = new ArrayList<>();
        boolean last;
        do {
            JsonNode page = json(OutboundRequest.get("/rest/agile/1.0/board/" + boardId + "/sprint")
                    .withQuery("state", String.join(",", states))
                    .withQuery("startAt", sprints.size())
                    .withQuery("maxResults", SPRINT_PAGE_SIZE));
            int before = sprints.size();
            page.path("values").forEach(s -> sprints.add(new JiraSprint(s.path("id").asLong(),
                    s.path("name").asText(""), s.path("state").asText(""))));
            last = page.path("isLast").asBoolean(true) || sprints.size() == before;
        } while (!last);
        return sprints;
    }

    /** A version's {@code releaseDate}: {@code yyyy-MM-dd} as documented, or epoch milliseconds as some answers give it. */
    private static java.time.LocalDate releaseDate(JsonNode value) {
        try {
            if (value.isNumber()) {
                return java.time.Instant.ofEpochMilli(value.asLong()).atZone(ZoneOffset.UTC).toLocalDate();
            }
            String text = value.asText("");
            return text.length() < 10 ? null : java.time.LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeException e) {
            return null;
        }
    }

    // ---- comment edits --------------------------------------------------------------------------

    private static final Pattern COMMENT_ID = Pattern.compile("\\d{1,18}");

    /**
     * Replaces the body of one of the issue's comments ({@code PUT .../comment/{id}}), so a text written once can be
     * kept up to date instead of written again; empty when Jira says 404 (the comment was deleted, or the issue is
     * gone or hidden from the connector's account).
     *
     * @param body an Atlassian Document (Cloud) or a wiki-markup string (Server/Data Center), as for a new comment
     */
    public Optional<JiraComment> updateComment(String idOrKey, String commentId, JsonNode body) {
        if (commentId == null || !COMMENT_ID.matcher(commentId).matches()) {
            throw new IllegalArgumentException("'" + commentId + "' is not a Jira comment id (digits only)");
        }
        requireCommentBody(body);
        ObjectNode request = JiraPayloads.JSON.createObjectNode();
        request.set("body", body);
        String path = issuePath(idOrKey) + "/comment/" + commentId;
        try {
            return Optional.of(JiraPayloads.comment(json(OutboundRequest.put(path, JiraPayloads.write(request)))));
        } catch (RemoteCallException e) {
            if (e.failure() == RemoteCallException.Failure.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
