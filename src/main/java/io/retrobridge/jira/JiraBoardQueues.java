package io.retrobridge.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.RecordJson;
import io.retrobridge.mapping.escalation.BoardQueue;
import io.retrobridge.sync.BoardQueueGateway;
import io.retrobridge.sync.SideRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Board tickets as Jira issues of the board's project and issue type, marked with a label. */
@Component
class JiraBoardQueues implements BoardQueueGateway {

    static final String DONE = "Done";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JiraClient jira;

    JiraBoardQueues(JiraClient jira) {
        this.jira = jira;
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.JIRA;
    }

    @Override
    public SideRecord open(BoardQueue queue, String title, String body, String marker) {
        ObjectNode fields = JSON.objectNode();
        fields.putObject("project").put("key", queue.project());
        fields.putObject("issuetype").put("name", queue.issueType());
        fields.put("summary", title);
        fields.set("description", JiraPlainText.of(body, jira.isCloud()));
        Set<String> labels = new LinkedHashSet<>(queue.labels());
        labels.add(marker);
        ArrayNode labelArray = fields.putArray("labels");
        labels.forEach(labelArray::add);
        return record(jira.create(fields));
    }

    @Override
    public Optional<SideRecord> findOurs(BoardQueue queue, String marker) {
        return jira.findByLabel(queue.project(), marker, List.of("summary", "creator")).stream()
                .filter(issue -> jira.isIntegrationAccount(issue.fields().path("creator")))
                .findFirst()
                .map(JiraBoardQueues::record);
    }

    @Override
    public void rewrite(BoardQueue queue, String id, String title, String body) {
        ObjectNode fields = JSON.objectNode();
        fields.put("summary", title);
        fields.set("description", JiraPlainText.of(body, jira.isCloud()));
        jira.edit(id, fields);
    }

    @Override
    public void resolve(BoardQueue queue, String id, String note) {
        jira.addComment(id, JiraPlainText.of(note, jira.isCloud()));
        jira.transitionTo(id, DONE, JSON.objectNode());
    }

    private static SideRecord record(JiraIssue issue) {
        return new SideRecord(issue.id(), issue.key(), issue.updated(), RecordJson.fields(issue.fields()));
    }
}
