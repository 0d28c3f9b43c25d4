package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.RecordFields;
import io.retrobridge.mapping.RecordJson;
import io.retrobridge.mapping.Scopes;
import io.retrobridge.sync.CorrelationIds;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.PolledRecord;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SideRecord;
import io.retrobridge.transport.UrlUserInfo;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Jira as the flow sees it: issues in the mapping's projects, marked with a label we stamp on creation. */
@Component
class JiraSide implements SideGateway {

    /** Issues per search page. */
    private static final int PAGE = 100;
    /** Labels per search: a page's markers in one JQL, short enough for a Server/Data Center GET. */
    private static final int LABELS_PER_SEARCH = 100;

    private final JiraClient jira;
    /** Links go into ticket texts: never with the user info a base URL may carry. */
    private final URI browseBase;
    private final Duration searchSettleTime;
    private final JiraReleasePlanning planning;

    JiraSide(JiraClient jira, JiraProperties properties, JiraReleasePlanning planning) {
        this.jira = jira;
        this.planning = planning;
        this.browseBase = UrlUserInfo.without(properties.baseUrl());
        this.searchSettleTime = properties.searchSettleTime();
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.JIRA;
    }

    @Override
    public Optional<SideRecord> read(String id, ActionItemMapping mapping) {
        return jira.find(id, fieldsToRead(mapping)).map(JiraSide::record);
    }

    /** jira:issue_created, jira:issue_updated, jira:issue_deleted and jira:poll, and the comment webhooks. */
    @Override
    public Set<HandledKind> itemEventKinds() {
        return Set.of(HandledKind.startingWith("jira:").from(ExternalSystem.JIRA),
                HandledKind.named("comment_created").from(ExternalSystem.JIRA),
                HandledKind.named("comment_updated").from(ExternalSystem.JIRA));
    }

    /** Jira reads an issue by its key as well as by its id. */
    @Override
    public Optional<SideRecord> findByDisplayKey(String displayKey, ActionItemMapping mapping) {
        return read(displayKey, mapping);
    }

    @Override
    public Optional<SideRecord> findByCorrelation(String correlationId, ActionItemMapping mapping) {
        Scopes.Jira scope = mapping.jiraScope();
        return scope.projects().stream()
                .flatMap(project -> jira.findByLabel(project, correlationId, fieldsToRead(mapping)).stream())
                .findFirst().map(JiraSide::record);
    }

    /** One search per hundred markers: {@code project in (...) AND labels in (...)}, every value quoted and escaped. */
    @Override
    public Map<String, String> idsByCorrelation(Collection<String> correlationIds, ActionItemMapping mapping) {
        Set<String> wanted = new LinkedHashSet<>(correlationIds);
        Map<String, String> found = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(wanted);
        for (int from = 0; from < all.size(); from += LABELS_PER_SEARCH) {
            List<String> labels = all.subList(from, Math.min(all.size(), from + LABELS_PER_SEARCH));
            String jql = correlationQuery(mapping.jiraScope().projects(), labels);
            String token = null;
            do {
                JiraSearchPage page = jira.search(jql, List.of("labels"), token, PAGE);
                // Oldest first: should two issues carry one marker, the first created is the copy, as findByLabel says.
                for (JiraIssue issue : page.issues()) {
                    issue.fields().path("labels").forEach(label -> {
                        if (wanted.contains(label.asText())) {
                            found.putIfAbsent(label.asText(), issue.id());
                        }
                    });
                }
                token = page.nextPageToken().orElse(null);
            } while (token != null);
        }
        return found;
    }

    static String correlationQuery(List<String> projects, Collection<String> labels) {
        return Jql.query().in("project", projects).in("labels", labels).orderBy("created", true).orderBy("key", true)
                .build();
    }

    @Override
    public Optional<PolledRecord> polled(String kind, String payload, ActionItemMapping mapping) {
        return PolledIssues.read(kind, payload, JiraPoller.scopeQuery(mapping.jiraScope()).build(), fieldsToRead(mapping));
    }

    @Override
    public RecordFields newRecordBody(RecordFields fields, String correlationId, ActionItemMapping mapping) {
        Scopes.Jira scope = mapping.jiraScope();
        RecordFields.Builder create = fields.toBuilder();
        create.put("project", Map.of("key", scope.projects().get(0)));
        create.put("issuetype", Map.of("name", scope.issueType()));
        Set<String> labels = new LinkedHashSet<>();
        fields.list("labels").forEach(label -> labels.add(text(label)));
        labels.add(scope.label());
        labels.add(correlationId);
        create.put("labels", List.copyOf(labels));
        return create.build();
    }

    @Override
    public SideRecord create(RecordFields body, ActionItemMapping mapping) {
        JiraIssue created = jira.create(withAccountId(RecordJson.json(body), mapping));
        // Read back with every field: enough to classify it and see that nothing is planned yet.
        planning.plan(created, mapping);
        return record(created);
    }

    @Override
    public void update(String id, RecordFields fields, ActionItemMapping mapping) {
        ObjectNode edit = withAccountId(RecordJson.json(fields), mapping);
        JsonNode status = edit.remove("status");
        if (edit.has("labels")) {
            keepOurMarker(id, edit, mapping);
        }
        if (!edit.isEmpty()) {
            jira.edit(id, edit);
        }
        if (status != null && status.hasNonNull("name")) {
            jira.transitionTo(id, status.get("name").asText(), edit.objectNode());
        }
        planning.afterWrite(id, mapping);
    }

    @Override
    public void addNote(String id, String text, ActionItemMapping mapping) {
        jira.addComment(id, jira.isCloud() ? plainDocument(text) : TextNode.valueOf(text));
    }

    /**
     * An issue carrying our correlation label is one we created as the copy of a ServiceNow record: without a
     * link it is the copy of a create whose link write has not happened (yet, or ever, after a crash), and it
     * is the origin's event that links it. Taking it for a new item would mirror it back as a duplicate.
     */
    @Override
    public boolean inScope(SideRecord record, ActionItemMapping mapping) {
        return inScopeAsPolled(record, mapping) && matchesScopeJql(record, mapping.jiraScope());
    }

    /** The poll's JQL held the scope, the admin's extra JQL too: only what the record itself shows is checked. */
    @Override
    public boolean inScopeAsPolled(SideRecord record, ActionItemMapping mapping) {
        Scopes.Jira scope = mapping.jiraScope();
        RecordFields fields = record.fields();
        boolean project = scope.projects().contains(text(fields.object("project").get("key")));
        boolean type = scope.issueType().equalsIgnoreCase(text(fields.object("issuetype").get("name")));
        boolean labelled = false;
        boolean ourCopy = false;
        for (Object label : fields.list("labels")) {
            labelled |= scope.label().equals(text(label));
            ourCopy |= CorrelationIds.isMarker(text(label));
        }
        // Anyone can type a label: a marker counts only on an issue the connector account created.
        ourCopy = ourCopy && jira.isIntegrationAccount(RecordJson.json(fields.get("creator")));
        return project && type && labelled && !ourCopy;
    }

    /** The admin's extra JQL can say anything: let Jira judge it, for this one issue. */
    private boolean matchesScopeJql(SideRecord record, Scopes.Jira scope) {
        if (scope.jql() == null || scope.jql().isBlank()) {
            return true;
        }
        String jql = Jql.query().eq("key", record.displayKey()).fragment(scope.jql()).build();
        return !jira.search(jql, List.of("id"), null, 1).issues().isEmpty();
    }

    /** Jira's search is not immediately consistent: an issue just created may not show yet. */
    @Override
    public Duration lookupSettleTime() {
        return searchSettleTime;
    }

    @Override
    public List<SideRecord> readAllInScope(ActionItemMapping mapping, Collection<String> alsoRead) {
        Set<String> fields = new LinkedHashSet<>(mapping.fieldsToRead(ExternalSystem.JIRA));
        fields.addAll(alsoRead);
        String jql = JiraPoller.scopeQuery(mapping.jiraScope()).orderBy("key", true).build();
        List<SideRecord> records = new ArrayList<>();
        String token = null;
        do {
            JiraSearchPage page = jira.search(jql, List.copyOf(fields), token, PAGE);
            page.issues().forEach(issue -> records.add(record(issue)));
            token = page.nextPageToken().orElse(null);
        } while (token != null);
        return records;
    }

    @Override
    public String browseUrl(SideRecord record, ActionItemMapping mapping) {
        return browseBase.resolve("/browse/" + record.displayKey()).toString();
    }

    /** A comment; on Cloud the person is mentioned in a paragraph of their own above the text. */
    @Override
    public Optional<String> addNotice(String id, String text, String mentionEmail, String mentionName,
            ActionItemMapping mapping) {
        return Optional.of(jira.addComment(id, withMention(text, mentionEmail, mentionName)).id());
    }

    /** Jira answers a new comment with its id, so nothing needs finding. */
    @Override
    public Optional<String> findNotice(String id, String text, ActionItemMapping mapping) {
        return Optional.empty();
    }

    @Override
    public boolean assign(String id, String email, ActionItemMapping mapping) {
        Optional<String> accountId = jira.accountIdByEmail(email);
        if (accountId.isEmpty()) {
            return false;
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.putObject("assignee").put("accountId", accountId.get());
        jira.edit(id, fields);
        return true;
    }

    @Override
    public void changeLabels(String id, Collection<String> add, Collection<String> remove, ActionItemMapping mapping) {
        jira.changeLabels(id, add, remove);
    }

    private JsonNode withMention(String text, String email, String name) {
        JsonNode body = JiraPlainText.of(text, jira.isCloud());
        if (!jira.isCloud() || email == null) {
            return body;
        }
        Optional<String> accountId = jira.accountIdByEmail(email);
        if (accountId.isEmpty()) {
            return body;
        }
        ObjectNode paragraph = JsonNodeFactory.instance.objectNode().put("type", "paragraph");
        ArrayNode content = paragraph.putArray("content");
        ObjectNode mention = content.addObject().put("type", "mention");
        mention.putObject("attrs").put("id", accountId.get()).put("text", "@" + (name == null ? email : name));
        content.addObject().put("type", "text").put("text", " ");
        ((ArrayNode) body.withArray("content")).insert(0, paragraph);
        return body;
    }

    /**
     * Jira takes people by accountId only: an assignee the mapping does not list comes as an e-mail and is
     * looked up by user search; nobody with that address means the mapping's default (leave or clear).
     */
    private ObjectNode withAccountId(ObjectNode resolved, ActionItemMapping mapping) {
        JsonNode assignee = resolved.get("assignee");
        if (assignee == null || !assignee.hasNonNull(ActionItemMapping.ASSIGNEE_BY_EMAIL)) {
            return resolved;
        }
        Optional<String> accountId = jira.accountIdByEmail(assignee.get(ActionItemMapping.ASSIGNEE_BY_EMAIL).asText());
        if (accountId.isPresent()) {
            resolved.putObject("assignee").put("accountId", accountId.get());
        } else if (mapping.clearsUnknownAssignee()) {
            resolved.putNull("assignee");
        } else {
            resolved.remove("assignee");
        }
        return resolved;
    }

    /** Labels are written as a whole set: our correlation label must stay in it. */
    private void keepOurMarker(String id, ObjectNode edit, ActionItemMapping mapping) {
        Set<String> wanted = new LinkedHashSet<>();
        edit.get("labels").forEach(label -> wanted.add(label.asText()));
        jira.find(id, List.of("labels")).ifPresent(issue -> issue.fields().path("labels").forEach(label -> {
            if (label.asText().startsWith("rb-")) {
                wanted.add(label.asText());
            }
        }));
        ArrayNode labels = edit.putArray("labels");
        wanted.forEach(labels::add);
    }

    /** One paragraph of one text node: whatever the text holds is shown as written, never read as markup. */
    private static ObjectNode plainDocument(String text) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("type", "doc").put("version", 1);
        doc.putArray("content").addObject().put("type", "paragraph")
                .putArray("content").addObject().put("type", "text").put("text", text);
        return doc;
    }

    static List<String> fieldsToRead(ActionItemMapping mapping) {
        Set<String> fields = new LinkedHashSet<>(mapping.fieldsToRead(ExternalSystem.JIRA));
        fields.addAll(List.of("project", "issuetype", "labels", "updated", "summary", "creator"));
        return List.copyOf(fields);
    }

    /** A scalar as Jira's JSON reads it as text; "" for anything else. */
    private static String text(Object value) {
        String text = RecordFields.textOf(value);
        return text == null ? "" : text;
    }

    private static SideRecord record(JiraIssue issue) {
        return new SideRecord(issue.id(), issue.key(), issue.updated(), RecordJson.fields(issue.fields()));
    }
}
