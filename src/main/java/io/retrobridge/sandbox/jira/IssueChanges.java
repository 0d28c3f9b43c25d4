package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two states of an issue, as Jira's changelog records it: raw ids in
 * {@code from}/{@code to}, what a person reads in {@code fromString}/{@code toString}.
 */
final class IssueChanges {

    private record Tracked(String field, String fieldId, Function<Issue, String> raw, Function<Issue, String> shown) {
    }

    private static final List<Tracked> TRACKED = List.of(
            new Tracked("summary", "summary", i -> null, i -> i.summary),
            new Tracked("description", "description", i -> null, i -> AdfText.of(i.description)),
            new Tracked("labels", "labels", i -> null, i -> String.join(" ", i.labels)),
            new Tracked("priority", "priority", i -> i.priority.id(), i -> i.priority.name()),
            new Tracked("assignee", "assignee", i -> i.assigneeId, i -> null),
            new Tracked("reporter", "reporter", i -> i.reporterId, i -> null),
            new Tracked("duedate", "duedate", i -> JiraTime.date(i.duedate),
                    i -> i.duedate == null ? null : i.duedate + " 00:00:00.0"),
            new Tracked("Component", "components",
                    i -> i.components.stream().map(JiraProject.Component::id).collect(Collectors.joining(",")),
                    i -> i.components.stream().map(JiraProject.Component::name).collect(Collectors.joining(", "))),
            new Tracked("issuetype", "issuetype", i -> i.issueType.id(), i -> i.issueType.name()),
            new Tracked("status", "status", i -> i.status.id(), i -> i.status.name()),
            new Tracked("resolution", "resolution", i -> i.resolution == null ? null : i.resolution.id(),
                    i -> i.resolution == null ? null : i.resolution.name()),
            new Tracked("Fix Version", "fixVersions",
                    i -> i.fixVersions.stream().map(JiraReleases.Version::id).collect(Collectors.joining(",")),
                    i -> i.fixVersions.stream().map(JiraReleases.Version::name).collect(Collectors.joining(", "))),
            new Tracked("Sprint", FieldEdits.SPRINT_FIELD, i -> i.sprint == null ? null : String.valueOf(i.sprint.id()),
                    i -> i.sprint == null ? null : i.sprint.name()));

    private IssueChanges() {
    }

    /**
     * @param displayName turns an accountId into the name shown in {@code fromString}/{@code toString}
     */
    static List<ChangeItem> between(Issue before, Issue after, Function<String, String> displayName) {
        List<ChangeItem> items = new ArrayList<>();
        for (Tracked t : TRACKED) {
            String fromRaw = t.raw().apply(before);
            String toRaw = t.raw().apply(after);
            boolean user = t.field().equals("assignee") || t.field().equals("reporter");
            String fromShown = user ? name(fromRaw, displayName) : t.shown().apply(before);
            String toShown = user ? name(toRaw, displayName) : t.shown().apply(after);
            boolean descriptionChanged = t.field().equals("description")
                    && !Objects.equals(before.description, after.description);
            if (!Objects.equals(fromRaw, toRaw) || !Objects.equals(fromShown, toShown) || descriptionChanged) {
                items.add(new ChangeItem(t.field(), t.fieldId(), blankToNull(fromRaw), fromShown, blankToNull(toRaw),
                        toShown));
            }
        }
        return items;
    }

    private static String name(String accountId, Function<String, String> displayName) {
        return accountId == null ? null : displayName.apply(accountId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The plain text of an Atlassian Document, paragraphs on their own lines. */
    static final class AdfText {

        private AdfText() {
        }

        static String of(JsonNode doc) {
            if (doc == null || doc.isNull()) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            collect(doc, text);
            return text.toString().strip();
        }

        private static void collect(JsonNode node, StringBuilder text) {
            if (node.has("text")) {
                text.append(node.get("text").asText());
            }
            for (JsonNode child : node.path("content")) {
                collect(child, text);
            }
            if ("paragraph".equals(node.path("type").asText())) {
                text.append('\n');
            }
        }
    }
}
