package io.retrobridge.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.mapping.RecordJson;
import io.retrobridge.sync.CounterpartLookup;
import io.retrobridge.sync.PolledRecord;
import io.retrobridge.sync.SideRecord;
import io.retrobridge.transport.PollEnvelope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The payload of a Jira poll event: the issue as the page read it (every field the mapping reads, and its comments),
 * the scope query it was read through, when, and what the page's look-up found on the other side. The sync uses it
 * instead of reading the issue again; anything missing or unreadable makes it read as before.
 */
public final class PolledIssues {

    /** The event kind of a version a Jira poll or backfill page read. */
    public static final String KIND = "jira:poll";
    /** Asked of every page beside the mapping's fields, so a new item's comments need no read of their own. */
    static final String COMMENT = "comment";

    private PolledIssues() {
    }

    static String payload(JiraIssue issue, String scope, Instant polledAt, Optional<CounterpartLookup> lookup) {
        ObjectNode root = JiraPayloads.JSON.createObjectNode();
        PollEnvelope.write(root, polledAt, scope, lookup);
        ObjectNode node = root.putObject("issue");
        node.put("id", issue.id());
        node.put("key", issue.key());
        node.set("fields", issue.fields());
        return JiraPayloads.write(root);
    }

    /**
     * The issue an event of {@code kind} carries, when it was read through {@code scope} and holds every one of
     * {@code needed}; its comments are left out of the record's fields, as a read leaves them out.
     */
    static Optional<PolledRecord> read(String kind, String payload, String scope, Collection<String> needed) {
        Optional<JsonNode> root = root(kind, payload);
        Optional<PollEnvelope.Note> note = root.flatMap(r -> PollEnvelope.read(r, scope));
        if (note.isEmpty()) {
            return Optional.empty();
        }
        JsonNode issueNode = root.get().path("issue");
        JsonNode fields = issueNode.path("fields");
        if (!issueNode.path("id").isTextual() || !issueNode.path("key").isTextual() || !fields.isObject()
                || !needed.stream().allMatch(fields::has)) {
            return Optional.empty();
        }
        try {
            JiraIssue issue = JiraPayloads.issue(issueNode);
            if (issue.updated() == null) {
                return Optional.empty();
            }
            issue.fields().remove(COMMENT);
            SideRecord record = new SideRecord(issue.id(), issue.key(), issue.updated(), RecordJson.fields(issue.fields()));
            return Optional.of(new PolledRecord(record, note.get().polledAt(), note.get().counterpart()));
        } catch (DateTimeParseException | IllegalStateException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Every comment of the issue an event of {@code kind} carries, oldest first; empty when the page did not carry
     * them all (Jira cuts the field short on an issue with many comments), so they are read on their own.
     */
    public static Optional<List<JiraComment>> comments(String kind, String payload) {
        JsonNode field = root(kind, payload).map(r -> r.path("issue").path("fields").path(COMMENT))
                .orElse(JiraPayloads.JSON.missingNode());
        JsonNode list = field.path("comments");
        if (!list.isArray() || field.path("total").asInt(Integer.MAX_VALUE) > list.size()) {
            return Optional.empty();
        }
        List<JiraComment> comments = new ArrayList<>();
        try {
            list.forEach(c -> comments.add(JiraPayloads.comment(c)));
        } catch (IllegalStateException unreadable) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(comments));
    }

    private static Optional<JsonNode> root(String kind, String payload) {
        if (!KIND.equals(kind) || payload == null || payload.isBlank()) {
            return Optional.empty();
        }
        JsonNode root = JiraPayloads.parseOrNull(payload);
        return PollEnvelope.isPolled(root) ? Optional.of(root) : Optional.empty();
    }
}
