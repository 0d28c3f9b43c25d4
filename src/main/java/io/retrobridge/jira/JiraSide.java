package io.retrobridge.jira;

import io.retrobridge.sync.CorrelationIds;
import io.retrobridge.sync.PolledRecord;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SideRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.jira.JiraIssue;
import io.retrobridge.jira.Jql;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.Scopes;
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

    /** Labels per search: a page's markers in one JQL, short enough for a Server/Data Center GET. */
    private static final int LABELS_PER_SEARCH = 100;
    private static final int SEARCH_PAGE = 100;

    private final JiraClient jira;

    JiraSide(JiraClient jira) {
        this.jira = jira;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.JIRA;
    }

    @Override
    public Optional<SideRecord> read(String id, ActionItemMapping mapping) {
        return jira.find(id, fieldsToRead(mapping)).map(JiraSide::record);
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
                JiraSearchPage page = jira.search(jql, List.of("labels"), token, SEARCH_PAGE);
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
    public ObjectNode newRecordBody(ObjectNode fields, String correlationId, ActionItemMapping mapping) {
        Scopes.Jira scope = mapping.jiraScope();
        ObjectNode create = fields.deepCopy();
        create.putObject("project").put("key", scope.projects().get(0));
        create.putObject("issuetype").put("name", scope.issueType());
        Set<String> labels = new LinkedHashSet<>();
        if (create.get("labels") instanceof ArrayNode existing) {
            existing.forEach(label -> labels.add(label.asText()));
        }
        labels.add(scope.label());
        labels.add(correlationId);
        ArrayNode labelArray = create.putArray("labels");
        labels.forEach(labelArray::add);
        return create;
    }

    @Override
    public SideRecord create(ObjectNode body, ActionItemMapping mapping) {
        return record(jira.create(withAccountId(body, mapping)));
    }

    @Override
    public void update(String id, ObjectNode fields, ActionItemMapping mapping) {
        ObjectNode edit = withAccountId(fields, mapping);
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
        JsonNode fields = record.fields();
        boolean project = scope.projects().contains(fields.path("project").path("key").asText());
        boolean type = scope.issueType().equalsIgnoreCase(fields.path("issuetype").path("name").asText());
        boolean labelled = false;
        boolean ourCopy = false;
        for (JsonNode label : fields.path("labels")) {
            labelled |= scope.label().equals(label.asText());
            ourCopy |= CorrelationIds.isMarker(label.asText());
        }
        // Anyone can type a label: a marker counts only on an issue the connector account created.
        ourCopy = ourCopy && jira.isIntegrationAccount(fields.path("creator"));
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

    /**
     * Jira takes people by accountId only: an assignee the mapping does not list comes as an e-mail and is
     * looked up by user search; nobody with that address means the mapping's default (leave or clear).
     */
    private ObjectNode withAccountId(ObjectNode payload, ActionItemMapping mapping) {
        ObjectNode resolved = payload.deepCopy();
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

    private static SideRecord record(JiraIssue issue) {
        return new SideRecord(issue.id(), issue.key(), issue.updated(), issue.fields());
    }
}
