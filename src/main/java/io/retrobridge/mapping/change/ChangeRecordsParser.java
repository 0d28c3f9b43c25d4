package io.retrobridge.mapping.change;

import io.retrobridge.domain.ChangeState;
import io.retrobridge.mapping.CommentRule;
import io.retrobridge.mapping.NodeReader;
import io.retrobridge.mapping.TextFormat;
import io.retrobridge.mapping.change.ChangeRecordsMapping.StateShown;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** Reads {@link ChangeRecordsMapping#FILE_NAME}, collecting every problem with its line. */
public final class ChangeRecordsParser {

    /** The keys a file may have at the top, in the order the shipped file uses them. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("version", "servicenow", "jira", "fields", "states",
            "comments");
    /** Where a field goes when the file does not say. */
    public static final String NOT_MIRRORED = "none";

    private static final Pattern JIRA_PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");
    private static final Pattern CUSTOM_FIELD = Pattern.compile("customfield_[0-9]{1,10}");
    private static final Pattern LABEL = Pattern.compile("[^\\s]{1,255}");
    /** The ways a change's comments may go: only from its Jira mirror to the change, or not at all. */
    private static final List<CommentRule.Direction> COMMENT_DIRECTIONS = List.of(
            CommentRule.Direction.JIRA_TO_SERVICENOW, CommentRule.Direction.NONE);
    private static final List<CommentRule.JournalField> JOURNAL_FIELDS = List.of(CommentRule.JournalField.values());
    private static final List<String> STATE_NAMES = Arrays.stream(ChangeState.values())
            .map(state -> state.name().toLowerCase(Locale.ROOT)).toList();

    private final NodeReader in;

    public ChangeRecordsParser(NodeReader in) {
        this.in = in;
    }

    /** The mapping; empty when the file has problems (they are in the reader's list). */
    public Optional<ChangeRecordsMapping> parse(Node root) {
        int before = in.problemCount();
        Optional<NodeReader.Entries> top = in.map(root, "", TOP_LEVEL_KEYS, List.of("version", "jira"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries file = top.get();
        in.versionOne(file);
        String query = file.has("servicenow") ? query(file.get("servicenow")) : "";
        Jira jira = file.has("jira") ? jira(file.get("jira")) : null;
        Map<ChangeField, String> fields = fields(file.has("fields") ? file.get("fields") : null);
        Map<ChangeState, StateShown> states = file.has("states") ? states(file.get("states")) : Map.of();
        CommentRule comments = file.has("comments") ? comments(file.get("comments"))
                : ChangeRecordsMapping.NO_COMMENTS;
        if (in.problemCount() > before || jira == null) {
            return Optional.empty();
        }
        return Optional.of(new ChangeRecordsMapping(query, jira.project(), jira.issueType(), jira.label(), fields,
                states, comments));
    }

    private record Jira(String project, String issueType, String label) {
    }

    private String query(Node node) {
        return in.map(node, "servicenow", List.of("query"), List.of())
                .map(e -> in.optionalText(e.get("query"), "servicenow.query")).orElse("");
    }

    private Jira jira(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "jira", List.of("project", "issue-type", "label"),
                List.of("project", "issue-type", "label"));
        if (map.isEmpty() || !map.get().has("project") || !map.get().has("issue-type") || !map.get().has("label")) {
            return null;
        }
        NodeReader.Entries e = map.get();
        Optional<String> project = in.text(e.get("project"), "jira.project");
        project.filter(p -> !JIRA_PROJECT.matcher(p).matches()).ifPresent(p -> in.problem(e.get("project"),
                "jira.project", "`" + p + "` is not a Jira project key", "write the key in capitals, e.g. `CHG`"));
        Optional<String> issueType = in.text(e.get("issue-type"), "jira.issue-type");
        Optional<String> label = in.text(e.get("label"), "jira.label");
        label.filter(l -> !LABEL.matcher(l).matches()).ifPresent(l -> in.problem(e.get("label"), "jira.label",
                "a Jira label has no spaces", "write it as one word, e.g. `change-record`"));
        if (project.isEmpty() || issueType.isEmpty() || label.isEmpty()) {
            return null;
        }
        return new Jira(project.get(), issueType.get(), label.get());
    }

    /** Every field: where the file sends it, else number and short description to the summary, the rest to details. */
    private Map<ChangeField, String> fields(Node node) {
        Map<ChangeField, String> fields = new EnumMap<>(ChangeField.class);
        for (ChangeField field : ChangeField.values()) {
            fields.put(field, isSummaryField(field) ? ChangeRecordsMapping.SUMMARY : ChangeRecordsMapping.DETAILS);
        }
        if (node == null) {
            return fields;
        }
        Optional<NodeReader.Entries> map = in.map(node, "fields", ChangeField.yamlNames(), List.of());
        if (map.isEmpty()) {
            return fields;
        }
        for (Map.Entry<String, NodeTuple> entry : map.get().tuples().entrySet()) {
            ChangeField field = ChangeField.ofYamlName(entry.getKey()).orElseThrow();
            String path = "fields." + entry.getKey();
            Node value = entry.getValue().getValueNode();
            in.text(value, path).ifPresent(target -> {
                if (target.equals(ChangeRecordsMapping.SUMMARY) && !isSummaryField(field)) {
                    in.problem(value, path, "only `number` and `short-description` make up the summary",
                            "send `" + entry.getKey() + "` to `details` or to a custom field such as `customfield_10050`");
                } else if (target.equals(NOT_MIRRORED)) {
                    fields.remove(field);
                } else if (target.equals(ChangeRecordsMapping.SUMMARY) || target.equals(ChangeRecordsMapping.DETAILS)
                        || CUSTOM_FIELD.matcher(target).matches()) {
                    fields.put(field, target);
                } else {
                    in.problem(value, path, "`" + target + "` is not a place a change field can go",
                            "use `details` (a row of the description's table), `summary`, `none`, or a Jira custom "
                                    + "field id such as `customfield_10050`");
                }
            });
        }
        if (!fields.containsValue(ChangeRecordsMapping.SUMMARY)) {
            in.problem(node, "fields", "nothing goes to the summary, and a Jira issue needs one",
                    "send `number` or `short-description` to `summary`");
        }
        return fields;
    }

    private static boolean isSummaryField(ChangeField field) {
        return field == ChangeField.NUMBER || field == ChangeField.SHORT_DESCRIPTION;
    }

    private Map<ChangeState, StateShown> states(Node node) {
        Map<ChangeState, StateShown> states = new EnumMap<>(ChangeState.class);
        Optional<NodeReader.Entries> map = in.map(node, "states", STATE_NAMES, List.of());
        if (map.isEmpty()) {
            return states;
        }
        for (Map.Entry<String, NodeTuple> entry : map.get().tuples().entrySet()) {
            String path = "states." + entry.getKey();
            Node value = entry.getValue().getValueNode();
            ChangeState state = ChangeState.valueOf(entry.getKey().toUpperCase(Locale.ROOT));
            in.map(value, path, List.of("status", "label"), List.of()).ifPresent(e -> {
                String status = e.has("status") ? in.text(e.get("status"), path + ".status").orElse(null) : null;
                String label = e.has("label") ? in.text(e.get("label"), path + ".label").orElse(null) : null;
                if (label != null && !LABEL.matcher(label).matches()) {
                    in.problem(e.get("label"), path + ".label", "a Jira label has no spaces",
                            "write it as one word, e.g. `change-" + entry.getKey() + "`");
                    return;
                }
                if (status == null && label == null) {
                    if (!e.has("status") && !e.has("label")) {
                        in.problem(value, path, "says neither a status nor a label",
                                "add `status: <Jira status name>` or `label: <label>`, or remove `" + entry.getKey() + ":`");
                    }
                    return;
                }
                states.put(state, new StateShown(status, label));
            });
        }
        return states;
    }

    /** Whether Jira comments on a mirror go to the change; never the other way, the change being ServiceNow's. */
    private CommentRule comments(Node node) {
        CommentRule none = ChangeRecordsMapping.NO_COMMENTS;
        Optional<NodeReader.Entries> map = in.map(node, "comments", List.of("direction", "servicenow", "text"),
                List.of());
        if (map.isEmpty()) {
            return none;
        }
        NodeReader.Entries e = map.get();
        CommentRule.Direction direction = e.has("direction") ? direction(e.get("direction")) : none.direction();
        CommentRule.JournalField journal = e.has("servicenow")
                ? in.choice(e.get("servicenow"), "comments.servicenow", JOURNAL_FIELDS.stream()
                        .map(CommentRule.JournalField::element).toList())
                        .flatMap(v -> JOURNAL_FIELDS.stream().filter(f -> f.element().equals(v)).findFirst())
                        .orElse(none.serviceNowJournal())
                : none.serviceNowJournal();
        TextFormat text = e.has("text")
                ? in.choice(e.get("text"), "comments.text", List.of("html", "plain"))
                        .map(v -> v.equals("plain") ? TextFormat.PLAIN : TextFormat.HTML).orElse(none.serviceNowText())
                : none.serviceNowText();
        return new CommentRule(direction, journal, text);
    }

    private CommentRule.Direction direction(Node node) {
        Optional<String> value = in.text(node, "comments.direction");
        if (value.isEmpty()) {
            return CommentRule.Direction.NONE;
        }
        if (value.get().equals(CommentRule.Direction.BOTH.yaml())
                || value.get().equals(CommentRule.Direction.SERVICENOW_TO_JIRA.yaml())) {
            in.problem(node, "comments.direction", "`" + value.get() + "` would copy the change's journal to Jira, but "
                    + "change requests are mirrored one way: ServiceNow's work notes stay in ServiceNow",
                    "use `jira->servicenow` (Jira comments on the mirror become entries on the change) or `none`");
            return CommentRule.Direction.NONE;
        }
        List<String> allowed = COMMENT_DIRECTIONS.stream().map(CommentRule.Direction::yaml).toList();
        return in.choice(node, "comments.direction", allowed)
                .flatMap(v -> COMMENT_DIRECTIONS.stream().filter(d -> d.yaml().equals(v)).findFirst())
                .orElse(CommentRule.Direction.NONE);
    }
}
