package io.retrobridge.escalation.scan;

import io.retrobridge.servicenow.ServiceNowSide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.jira.JiraIssue;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.mapping.escalation.BoardQueue;
import io.retrobridge.mapping.text.AdfText;
import io.retrobridge.mapping.text.JournalText;
import io.retrobridge.mapping.text.PlainText;
import io.retrobridge.mapping.text.WikiText;
import io.retrobridge.servicenow.EncodedQuery;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.servicenow.ServiceNowRecord;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queues review boards work from: a ServiceNow table with an assignment group, or a Jira project with an issue
 * type. Creates, finds (by the marker every ticket carries), rewrites and resolves board tickets.
 */
final class BoardQueues {

    /** A ticket in a board's queue. */
    record Ticket(ExternalSystem system, String id, String key) {
    }

    static final String SERVICENOW_CLOSED_COMPLETE = "3";
    static final String JIRA_DONE = "Done";
    private static final String GROUP_TABLE = "sys_user_group";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ServiceNowClient servicenow;
    private final JiraClient jira;
    /** Group name -> sys_id; groups are not renamed often, and a wrong cache entry only fails one write (400). */
    private final Map<String, String> groupIds = new ConcurrentHashMap<>();

    BoardQueues(ServiceNowClient servicenow, JiraClient jira) {
        this.servicenow = servicenow;
        this.jira = jira;
    }

    Ticket create(Board board, String title, String body, String marker) {
        BoardQueue queue = board.queue();
        if (queue.system() == ExternalSystem.SERVICENOW) {
            ObjectNode fields = JSON.objectNode();
            fields.put("short_description", title);
            fields.put("description", body);
            fields.put("assignment_group", groupSysId(queue.assignmentGroup()));
            fields.put(ServiceNowSide.CORRELATION_FIELD, marker);
            ServiceNowRecord created = servicenow.create(queue.table(), fields);
            // The create answers with the fields written; the number ServiceNow gave it is read back.
            String number = servicenow.find(queue.table(), created.sysId(), List.of("number"))
                    .map(r -> r.fields().path("number").asText("")).filter(n -> !n.isEmpty()).orElse(created.sysId());
            return new Ticket(ExternalSystem.SERVICENOW, created.sysId(), number);
        }
        ObjectNode fields = JSON.objectNode();
        fields.putObject("project").put("key", queue.project());
        fields.putObject("issuetype").put("name", queue.issueType());
        fields.put("summary", title);
        fields.set("description", jiraText(body));
        Set<String> labels = new LinkedHashSet<>(queue.labels());
        labels.add(marker);
        ArrayNode labelArray = fields.putArray("labels");
        labels.forEach(labelArray::add);
        JiraIssue created = jira.create(fields);
        return new Ticket(ExternalSystem.JIRA, created.id(), created.key());
    }

    /**
     * A ticket we created earlier with this marker (a create whose result a crash lost). Markers are derived from
     * item keys, so anyone could put one on a ticket: only one the integration account created counts.
     */
    Optional<Ticket> find(Board board, String marker) {
        BoardQueue queue = board.queue();
        if (queue.system() == ExternalSystem.SERVICENOW) {
            return servicenow.findByCorrelationId(queue.table(), marker, List.of("number", "sys_created_by"))
                    .filter(r -> servicenow.isIntegrationUser(r.fields().path("sys_created_by").asText(null)))
                    .map(r -> new Ticket(ExternalSystem.SERVICENOW, r.sysId(), r.fields().path("number").asText(r.sysId())));
        }
        return jira.findByLabel(queue.project(), marker, List.of("summary", "creator")).stream()
                .filter(issue -> jira.isIntegrationAccount(issue.fields().path("creator")))
                .findFirst()
                .map(issue -> new Ticket(ExternalSystem.JIRA, issue.id(), issue.key()));
    }

    /** Rewrites a ticket's text (a cycle ticket whose item list changed). */
    void rewrite(Board board, Ticket ticket, String title, String body) {
        if (ticket.system() == ExternalSystem.SERVICENOW) {
            ObjectNode fields = JSON.objectNode();
            fields.put("short_description", title);
            fields.put("description", body);
            servicenow.update(board.queue().table(), ticket.id(), fields);
            return;
        }
        ObjectNode fields = JSON.objectNode();
        fields.put("summary", title);
        fields.set("description", jiraText(body));
        jira.edit(ticket.id(), fields);
    }

    /** Says why in the ticket, then closes it: ServiceNow Closed Complete with close notes, Jira Done. */
    void resolve(Board board, Ticket ticket, String note) {
        if (ticket.system() == ExternalSystem.SERVICENOW) {
            String table = board.queue().table();
            servicenow.addWorkNote(table, ticket.id(), journalText(note));
            ObjectNode close = JSON.objectNode();
            close.put("state", SERVICENOW_CLOSED_COMPLETE);
            close.put("close_notes", note);
            servicenow.update(table, ticket.id(), close);
            return;
        }
        jira.addComment(ticket.id(), jiraText(note));
        jira.transitionTo(ticket.id(), JIRA_DONE, JSON.objectNode());
    }

    /**
     * Jira Cloud takes Atlassian documents, Server/Data Center wiki markup. The text is plain (a rendered
     * template holding item values): read as plain text, so "[x](url)" or "*x*" in a title stays those
     * characters, then written as text nodes or escaped wiki markup.
     */
    JsonNode jiraText(String text) {
        String safe = text == null || text.isBlank() ? "(no text)" : text;
        String canonical = new PlainText().toCanonical(TextNode.valueOf(safe));
        return jira.isCloud() ? new AdfText().toExternal(canonical)
                : TextNode.valueOf(new WikiText().toExternal(canonical).asText());
    }

    /** A plain text as a ServiceNow journal entry shows it: {@code [code]} tags made inert. */
    static String journalText(String text) {
        return JournalText.literal(text);
    }

    /** The assignment group's sys_id, looked up by its exact name (an escaped query, never spliced). */
    private String groupSysId(String name) {
        String cached = groupIds.get(name);
        if (cached != null) {
            return cached;
        }
        List<ServiceNowRecord> found = servicenow.allUpdatedSince(GROUP_TABLE, EncodedQuery.query().eq("name", name)
                .build(), Instant.EPOCH, List.of("name"), 2);
        if (found.size() != 1) {
            throw new UnknownBoardGroupException(name, found.size());
        }
        groupIds.put(name, found.get(0).sysId());
        return found.get(0).sysId();
    }

    /** The policy names an assignment group ServiceNow does not have (or has twice): no retry can cure that. */
    static final class UnknownBoardGroupException extends IllegalArgumentException {
        UnknownBoardGroupException(String name, int found) {
            super(found == 0
                    ? "ServiceNow has no assignment group named '" + name + "'; create it, or correct the board's "
                            + "assignment-group in escalations.yaml, then replay this dead letter"
                    : "ServiceNow has " + found + " assignment groups named '" + name + "'; rename one so the board's "
                            + "queue is unambiguous, then replay this dead letter");
        }
    }
}
