package io.retrobridge.escalation.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.jira.JiraComment;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CanonicalField;
import io.retrobridge.mapping.FieldRule;
import io.retrobridge.servicenow.JournalLine;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.sync.CommentLink;
import io.retrobridge.sync.CommentLinkStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * What an escalation writes on the action item itself: reminders (a Jira comment mentioning the owner and a
 * ServiceNow work note), re-assignments (on the side that owns the assignee) and the state markers (a Jira label,
 * a ServiceNow field).
 */
final class ItemWrites {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ServiceNowClient servicenow;
    private final JiraClient jira;
    private final BoardQueues queues;
    private final CommentLinkStore comments;
    private final Clock clock;

    ItemWrites(ServiceNowClient servicenow, JiraClient jira, BoardQueues queues, CommentLinkStore comments, Clock clock) {
        this.servicenow = servicenow;
        this.jira = jira;
        this.queues = queues;
        this.comments = comments;
        this.clock = clock;
    }

    /**
     * The reminder on every side the item exists on. Both are recorded as one comment and its copy, so the comment
     * sync does not copy either across a second time.
     *
     * @return the refs written to
     */
    List<ExternalRef> remind(ScannedItem item, String text, ActionItemMapping mapping) {
        List<ExternalRef> written = new ArrayList<>();
        EscalationSubject subject = item.subject();
        String issueId = subject.ids().get(ExternalSystem.JIRA);
        String sysId = subject.ids().get(ExternalSystem.SERVICENOW);
        Optional<CommentLink> claim = Optional.empty();
        if (issueId != null) {
            JiraComment comment = jira.addComment(issueId, withMention(text, subject.item().assigneeEmail(),
                    subject.ownerName()));
            written.add(new ExternalRef(ExternalSystem.JIRA, issueId));
            if (sysId != null) {
                CommentLink intent = CommentLink.intent(item.link().id(), ExternalSystem.JIRA, comment.id(), clock.instant());
                claim = comments.recordIntent(intent) ? Optional.of(intent) : Optional.empty();
            }
        }
        if (sysId != null) {
            String table = mapping.serviceNowScope().table();
            String note = BoardQueues.journalText(text);
            servicenow.addWorkNote(table, sysId, note);
            written.add(new ExternalRef(ExternalSystem.SERVICENOW, sysId));
            claim.ifPresent(intent -> ourWorkNote(table, sysId, note)
                    .ifPresent(journalId -> comments.record(intent.withCopy(journalId))));
        }
        return written;
    }

    /**
     * Assigns the item to {@code email} on the side the mapping lets own the assignee (the sync carries it over),
     * with a note there saying why.
     */
    ExternalRef reassign(ScannedItem item, String email, String text, ActionItemMapping mapping) {
        EscalationSubject subject = item.subject();
        FieldRule rule = mapping.fieldRules().get(CanonicalField.ASSIGNEE);
        ExternalSystem owner = rule != null && rule.owner() != null ? rule.owner() : ExternalSystem.SERVICENOW;
        if (!subject.ids().containsKey(owner)) {
            owner = SyncPair.ACTION_ITEMS.counterpart(owner);
        }
        String id = subject.ids().get(owner);
        if (owner == ExternalSystem.SERVICENOW) {
            String table = mapping.serviceNowScope().table();
            String userSysId = servicenow.userSysIdByEmail(email).orElseThrow(() -> new IllegalArgumentException(
                    "ServiceNow has no active user with e-mail " + email + " to re-assign " + subject.preferredKey()
                            + " to; correct the step's reassign address in escalations.yaml, then replay this dead letter"));
            ObjectNode fields = JSON.objectNode().put("assigned_to", userSysId);
            servicenow.update(table, id, fields);
            servicenow.addWorkNote(table, id, BoardQueues.journalText(text));
        } else {
            String accountId = jira.accountIdByEmail(email).orElseThrow(() -> new IllegalArgumentException(
                    "Jira has no user with e-mail " + email + " to re-assign " + subject.preferredKey()
                            + " to; correct the step's reassign address in escalations.yaml, then replay this dead letter"));
            ObjectNode fields = JSON.objectNode();
            fields.putObject("assignee").put("accountId", accountId);
            jira.edit(id, fields);
            jira.addComment(id, queues.jiraText(text));
        }
        return new ExternalRef(owner, id);
    }

    /** Gives the item's Jira issue these labels, adding and removing only what differs; empty when it has none. */
    Optional<ExternalRef> relabelJira(ScannedItem item, Set<String> wanted) {
        String issueId = item.subject().ids().get(ExternalSystem.JIRA);
        if (issueId == null) {
            return Optional.empty();
        }
        List<String> add = wanted.stream().filter(l -> !item.jiraLabels().contains(l)).sorted().toList();
        List<String> remove = item.jiraLabels().stream().filter(l -> !wanted.contains(l)).sorted().toList();
        jira.changeLabels(issueId, add, remove);
        return Optional.of(new ExternalRef(ExternalSystem.JIRA, issueId));
    }

    /** Sets one field of the item's ServiceNow record; empty when it has none. */
    Optional<ExternalRef> setServiceNowField(ScannedItem item, String field, String value, ActionItemMapping mapping) {
        String sysId = item.subject().ids().get(ExternalSystem.SERVICENOW);
        if (sysId == null) {
            return Optional.empty();
        }
        servicenow.update(mapping.serviceNowScope().table(), sysId, JSON.objectNode().put(field, value));
        return Optional.of(new ExternalRef(ExternalSystem.SERVICENOW, sysId));
    }

    /** The owner as a mention (Jira Cloud, when Jira knows their e-mail) above the text. */
    private JsonNode withMention(String text, String email, String name) {
        JsonNode body = queues.jiraText(text);
        if (!jira.isCloud() || email == null) {
            return body;
        }
        Optional<String> accountId = jira.accountIdByEmail(email);
        if (accountId.isEmpty()) {
            return body;
        }
        ObjectNode paragraph = JSON.objectNode().put("type", "paragraph");
        ArrayNode content = paragraph.putArray("content");
        ObjectNode mention = content.addObject().put("type", "mention");
        mention.putObject("attrs").put("id", accountId.get()).put("text", "@" + (name == null ? email : name));
        content.addObject().put("type", "text").put("text", " ");
        ((ArrayNode) body.withArray("content")).insert(0, paragraph);
        return body;
    }

    /** The work note just written, found by its text (the Table API answers with the record, not the entry). */
    private Optional<String> ourWorkNote(String table, String sysId, String text) {
        List<JournalLine> lines = servicenow.journal(table, sysId);
        for (int i = lines.size() - 1; i >= 0; i--) {
            JournalLine line = lines.get(i);
            if (line.isWorkNote() && text.strip().equals(line.value() == null ? "" : line.value().strip())) {
                return Optional.of(line.sysId());
            }
        }
        return Optional.empty();
    }
}
