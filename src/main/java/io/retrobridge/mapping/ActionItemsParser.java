package io.retrobridge.mapping;

import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.ConflictPolicy;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.FieldFlow;
import io.retrobridge.domain.Priority;
import io.retrobridge.domain.ReleasePhase;
import io.retrobridge.domain.Scope;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads and checks {@code action-items.yaml}; every problem is recorded, none stops the reading. */
final class ActionItemsParser {

    private static final List<String> SIDES = List.of("jira", "servicenow");
    private static final Pattern JIRA_PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");
    private static final Pattern JIRA_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern SERVICENOW_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> LEVELS = Set.of("1", "2", "3");

    private final NodeReader in;
    /** {@code classification.release-plan}, read with the classification since it names its rule ids. */
    private ReleasePlan releasePlan = ReleasePlan.NONE;

    ActionItemsParser(NodeReader in) {
        this.in = in;
    }

    /** The definition, or empty when anything was wrong (the problems are in the reader's list). */
    Optional<ActionItemsDefinition> parse(Node root, List<MappingProblem> problems) {
        int before = problems.size();
        Optional<NodeReader.Entries> top = in.map(root, "",
                List.of("version", "scope", "fields", "values", "classification", "comments", "on-delete", "servicenow"),
                List.of("version", "scope", "fields", "values", "classification"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries file = top.get();
        in.versionOne(file);
        Scopes.Jira jira = null;
        Scopes.ServiceNow servicenow = null;
        if (file.has("scope")) {
            Optional<NodeReader.Entries> scope = in.map(file.get("scope"), "scope", SIDES, SIDES);
            if (scope.isPresent()) {
                jira = scope.get().has("jira") ? jiraScope(scope.get().get("jira")) : null;
                servicenow = scope.get().has("servicenow") ? serviceNowScope(scope.get().get("servicenow")) : null;
            }
        }
        Map<CanonicalField, FieldRule> fields = file.has("fields") ? fields(file.get("fields")) : Map.of();
        CodeMap<ActionStatus> status = null;
        CodeMap<Priority> priority = null;
        UserDirectory users = null;
        if (file.has("values")) {
            Optional<NodeReader.Entries> values = in.map(file.get("values"), "values",
                    List.of("status", "priority", "users"), List.of());
            if (values.isPresent()) {
                status = codeMapFor(values.get(), "status", CanonicalField.STATUS, ActionStatus.class, fields);
                priority = codeMapFor(values.get(), "priority", CanonicalField.PRIORITY, Priority.class, fields);
                users = usersFor(values.get(), fields);
            }
        }
        ClassificationRules classification = file.has("classification")
                ? classification(file.get("classification")) : null;
        CommentRule comments = file.has("comments") ? comments(file.get("comments")) : CommentRule.DEFAULT;
        OnDelete onDelete = file.has("on-delete")
                ? in.enumValue(file.get("on-delete"), "on-delete", OnDelete.class).orElse(OnDelete.DEFAULT)
                : OnDelete.DEFAULT;
        ZoneId serviceNowZone = file.has("servicenow") ? serviceNowZone(file.get("servicenow")) : ZoneOffset.UTC;
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ActionItemsDefinition(jira, servicenow, fields, status, priority, users, classification,
                comments, onDelete, serviceNowZone, releasePlan));
    }

    // ---- scope -------------------------------------------------------------------------------

    private Scopes.Jira jiraScope(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "scope.jira", List.of("projects", "issue-type", "label", "jql"),
                List.of("projects", "issue-type"));
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        List<String> projects = new ArrayList<>();
        if (e.has("projects")) {
            List<Node> items = in.list(e.get("projects"), "scope.jira.projects");
            for (int i = 0; i < items.size(); i++) {
                String path = "scope.jira.projects[" + i + "]";
                Node item = items.get(i);
                in.text(item, path).ifPresent(key -> {
                    if (!JIRA_PROJECT.matcher(key).matches()) {
                        in.problem(item, path, "`" + key + "` is not a Jira project key",
                                "use the key in capitals, e.g. PAY (2-10 letters, digits or _)");
                    } else {
                        projects.add(key);
                    }
                });
            }
            if (items.isEmpty()) {
                in.problem(e.get("projects"), "scope.jira.projects", "no project listed", "list at least one project key");
            }
        }
        String issueType = e.has("issue-type") ? in.text(e.get("issue-type"), "scope.jira.issue-type").orElse("") : "";
        String label = in.optionalText(e.get("label"), "scope.jira.label");
        if (label.chars().anyMatch(Character::isWhitespace)) {
            in.problem(e.get("label"), "scope.jira.label", "Jira labels cannot contain spaces", "use e.g. retro-action");
        }
        String jql = in.optionalText(e.get("jql"), "scope.jira.jql");
        checkJqlFragment(e, jql);
        return new Scopes.Jira(projects, issueType, label, jql);
    }

    /** A fragment is ANDed into our query, so it must not order results or leave quotes or brackets open. */
    private void checkJqlFragment(NodeReader.Entries e, String jql) {
        if (jql.isEmpty()) {
            return;
        }
        String path = "scope.jira.jql";
        if (jql.toLowerCase(Locale.ROOT).matches("(?s).*\\border\\s+by\\b.*")) {
            in.problem(e.get("jql"), path, "the JQL fragment has ORDER BY; RetroBridge orders results itself",
                    "remove the ORDER BY part");
        }
        if (!balanced(jql)) {
            in.problem(e.get("jql"), path, "the JQL fragment has an unclosed quote or bracket",
                    "close every \" and ( it opens");
        }
    }

    private static boolean balanced(String text) {
        int depth = 0;
        Character quote = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != null) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = null;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return quote == null && depth == 0;
    }

    private Scopes.ServiceNow serviceNowScope(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "scope.servicenow", List.of("table", "query"), List.of());
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        String table = e.has("table") ? in.text(e.get("table"), "scope.servicenow.table").orElse("problem_task") : "problem_task";
        if (!SERVICENOW_NAME.matcher(table).matches() || table.contains(".")) {
            in.problem(e.get("table"), "scope.servicenow.table", "`" + table + "` is not a ServiceNow table name",
                    "use the table's system name, e.g. problem_task");
        }
        String query = in.optionalText(e.get("query"), "scope.servicenow.query");
        if (!query.isEmpty()) {
            if (query.contains("^NQ")) {
                in.problem(e.get("query"), "scope.servicenow.query", "the encoded query has ^NQ, which would widen the"
                        + " scope to a second query", "join conditions with ^ (and) or ^OR only");
            }
            if (query.contains("ORDERBY")) {
                in.problem(e.get("query"), "scope.servicenow.query", "the encoded query has ORDERBY; RetroBridge orders"
                        + " results itself", "remove the ORDERBY part");
            }
            if (query.contains("\n") || query.startsWith("^") || query.endsWith("^")) {
                in.problem(e.get("query"), "scope.servicenow.query", "the encoded query has a line break or a dangling ^",
                        "write conditions on one line joined by ^, e.g. active=true^problem_task_type=general");
            }
        }
        return new Scopes.ServiceNow(table, query);
    }

    // ---- servicenow instance ------------------------------------------------------------------

    /** {@code servicenow.time-zone}: a region name such as Europe/Berlin, or UTC. */
    private ZoneId serviceNowZone(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "servicenow", List.of("time-zone"), List.of());
        if (map.isEmpty() || !map.get().has("time-zone")) {
            return ZoneOffset.UTC;
        }
        Node zoneNode = map.get().get("time-zone");
        Optional<String> name = in.text(zoneNode, "servicenow.time-zone");
        if (name.isEmpty()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(name.get().strip());
        } catch (DateTimeException e) {
            String fix = Suggestions.closest(name.get().strip(), ZoneId.getAvailableZoneIds())
                    .map(zone -> "did you mean `" + zone + "`?")
                    .orElse("use the instance's zone as a region name, e.g. `Europe/Berlin`, `America/New_York` or `UTC`");
            in.problem(zoneNode, "servicenow.time-zone", "`" + name.get() + "` is not a time zone", fix);
            return ZoneOffset.UTC;
        }
    }

    // ---- comments ----------------------------------------------------------------------------

    private CommentRule comments(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "comments", List.of("direction", "servicenow", "text"), List.of());
        if (map.isEmpty()) {
            return CommentRule.DEFAULT;
        }
        NodeReader.Entries e = map.get();
        CommentRule.Direction direction = e.has("direction")
                ? in.choice(e.get("direction"), "comments.direction", CommentRule.Direction.spellings())
                        .flatMap(CommentRule.Direction::parse).orElse(CommentRule.DEFAULT.direction())
                : CommentRule.DEFAULT.direction();
        CommentRule.JournalField journal = e.has("servicenow")
                ? in.choice(e.get("servicenow"), "comments.servicenow", CommentRule.JournalField.elements())
                        .flatMap(CommentRule.JournalField::parse).orElse(CommentRule.DEFAULT.serviceNowJournal())
                : CommentRule.DEFAULT.serviceNowJournal();
        TextFormat text = e.has("text")
                ? in.choice(e.get("text"), "comments.text", List.of("html", "plain"))
                        .map(v -> v.equals("plain") ? TextFormat.PLAIN : TextFormat.HTML)
                        .orElse(CommentRule.DEFAULT.serviceNowText())
                : CommentRule.DEFAULT.serviceNowText();
        return new CommentRule(direction, journal, text);
    }

    // ---- fields ------------------------------------------------------------------------------

    private Map<CanonicalField, FieldRule> fields(Node node) {
        Map<CanonicalField, FieldRule> rules = new EnumMap<>(CanonicalField.class);
        Optional<NodeReader.Entries> map = in.openMap(node, "fields", List.of());
        if (map.isEmpty()) {
            return rules;
        }
        List<String> names = Arrays.stream(CanonicalField.values()).map(CanonicalField::yaml).toList();
        Map<String, Node> writtenJira = new HashMap<>();
        Map<String, Node> writtenServiceNow = new HashMap<>();
        for (Map.Entry<String, NodeTuple> entry : map.get().tuples().entrySet()) {
            Optional<CanonicalField> field = CanonicalField.byYaml(entry.getKey());
            Node keyNode = entry.getValue().getKeyNode();
            if (field.isEmpty()) {
                Optional<String> suggestion = Suggestions.closest(entry.getKey(), names);
                in.problem(keyNode, "fields." + entry.getKey(), "unknown field `" + entry.getKey() + "`"
                        + suggestion.map(s -> "; did you mean `" + s + "`?").orElse(""),
                        suggestion.map(s -> "rename it to `" + s + "`").orElse("canonical fields are " + String.join(", ", names)));
                continue;
            }
            fieldRule(field.get(), entry.getValue().getValueNode(), writtenJira, writtenServiceNow)
                    .ifPresent(rule -> rules.put(field.get(), rule));
        }
        for (CanonicalField required : List.of(CanonicalField.TITLE, CanonicalField.STATUS)) {
            if (!map.get().has(required.yaml())) {
                in.problem(node, "fields", "field `" + required.yaml() + "` is not mapped; every action item needs one",
                        "add `" + required.yaml() + ":` with its jira and servicenow fields");
            }
        }
        return rules;
    }

    private Optional<FieldRule> fieldRule(CanonicalField field, Node node, Map<String, Node> writtenJira,
                                          Map<String, Node> writtenServiceNow) {
        String path = "fields." + field.yaml();
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("direction", "conflict", "owner", "jira", "servicenow"),
                List.of());
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        FieldBinding jira = e.has("jira") ? binding(field, ExternalSystem.JIRA, e.get("jira"), path + ".jira", writtenJira) : null;
        FieldBinding servicenow = e.has("servicenow")
                ? binding(field, ExternalSystem.SERVICENOW, e.get("servicenow"), path + ".servicenow", writtenServiceNow) : null;
        if (!e.has("jira") && !e.has("servicenow")) {
            in.problem(node, path, "field `" + field.yaml() + "` is bound to no side", "add `jira:` and/or `servicenow:`");
            return Optional.empty();
        }
        FieldFlow direction = null;
        if (e.has("direction")) {
            List<String> allowed = Arrays.stream(FieldFlow.values()).map(FieldFlow::yaml).toList();
            direction = in.choice(e.get("direction"), path + ".direction", allowed)
                    .flatMap(v -> Arrays.stream(FieldFlow.values()).filter(d -> d.yaml().equals(v)).findFirst()).orElse(null);
            if (!e.has("jira") || !e.has("servicenow")) {
                String missing = e.has("jira") ? "servicenow" : "jira";
                in.problem(e.get("direction"), path + ".direction", "field `" + field.yaml() + "` has no `" + missing
                        + "` side, so it cannot travel " + NodeReader.describe(e.get("direction")),
                        "add `" + missing + ":` or remove `direction` to only read it");
                direction = null;
            }
        } else if (e.has("jira") && e.has("servicenow")) {
            in.problem(node, path, "missing `direction`", "add `direction: both`, `jira->servicenow` or `servicenow->jira`");
        }
        ExternalSystem owner = e.has("owner") ? in.system(e.get("owner"), path + ".owner").orElse(null) : null;
        ConflictPolicy conflict = e.has("conflict")
                ? in.enumValue(e.get("conflict"), path + ".conflict", ConflictPolicy.class).orElse(null) : null;
        if (direction != null && direction != FieldFlow.BOTH) {
            if (owner != null && owner != direction.source()) {
                in.problem(e.get("owner"), path + ".owner", "field `" + field.yaml() + "` travels " + direction.yaml()
                        + " but is owned by " + YamlName.of(owner) + "; ownership conflicts with the direction",
                        "set `owner: " + YamlName.of(direction.source()) + "` or `direction: both`");
            }
            owner = direction.source();
            conflict = conflict == null ? ConflictPolicy.OWNER_WINS : conflict;
        } else if (direction == FieldFlow.BOTH) {
            if (!e.has("conflict")) {
                in.problem(node, path, "missing `conflict` for a field mapped both ways",
                        "add `conflict: owner-wins`, `newest-wins` or `park`");
            }
            if (conflict == ConflictPolicy.OWNER_WINS && owner == null && !e.has("owner") && e.clean()) {
                in.problem(e.get("conflict"), path + ".conflict", "`owner-wins` needs an owner",
                        "add `owner: jira` or `owner: servicenow`");
            }
        }
        return Optional.of(new FieldRule(field, direction, conflict, owner, jira, servicenow));
    }

    private FieldBinding binding(CanonicalField field, ExternalSystem side, Node node, String path, Map<String, Node> written) {
        List<String> fields = new ArrayList<>();
        TextFormat text = TextFormat.PLAIN;
        String labelPrefix = null;
        Node fieldsNode = node;
        if (node instanceof MappingNode) {
            Optional<NodeReader.Entries> map = in.map(node, path, List.of("field", "fields", "text", "label-prefix"), List.of());
            if (map.isEmpty()) {
                return null;
            }
            NodeReader.Entries e = map.get();
            if (e.has("text")) {
                text = in.enumValue(e.get("text"), path + ".text", TextFormat.class).orElse(TextFormat.PLAIN);
                if (field.kind() != CanonicalField.Kind.RICH_TEXT) {
                    in.problem(e.keyNode("text"), path + ".text", "`text` applies only to `description`",
                            "remove `text` here");
                }
            }
            if (e.has("label-prefix")) {
                labelPrefix = in.text(e.get("label-prefix"), path + ".label-prefix").orElse(null);
                if (side != ExternalSystem.JIRA || field.kind() != CanonicalField.Kind.TEXT || field == CanonicalField.TITLE) {
                    in.problem(e.keyNode("label-prefix"), path + ".label-prefix",
                            "`label-prefix` works only on the jira side of `failure-mode`", "use `field:` here");
                } else if (labelPrefix != null && labelPrefix.chars().anyMatch(Character::isWhitespace)) {
                    in.problem(e.get("label-prefix"), path + ".label-prefix", "Jira labels cannot contain spaces",
                            "use e.g. failure-mode:");
                }
            }
            int given = (e.has("field") ? 1 : 0) + (e.has("fields") ? 1 : 0) + (labelPrefix != null ? 1 : 0);
            if (given != 1 && !(e.has("label-prefix") && labelPrefix == null)) {
                in.problem(node, path, "give exactly one of `field`, `fields` or `label-prefix`",
                        "e.g. `field: " + (side == ExternalSystem.JIRA ? "summary" : "short_description") + "`");
            }
            fieldsNode = e.has("field") ? e.get("field") : e.get("fields");
        }
        if (fieldsNode != null) {
            List<Node> items = in.list(fieldsNode, path);
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String itemPath = items.size() > 1 ? path + "[" + i + "]" : path;
                Optional<String> name = in.text(item, itemPath);
                if (name.isEmpty()) {
                    continue;
                }
                Pattern valid = side == ExternalSystem.JIRA ? JIRA_FIELD : SERVICENOW_NAME;
                if (!valid.matcher(name.get()).matches()) {
                    in.problem(item, itemPath, "`" + name.get() + "` is not a " + YamlName.of(side) + " field name",
                            side == ExternalSystem.JIRA ? "use the field id, e.g. summary or customfield_10050"
                                    : "use the column name in lower case, e.g. short_description");
                    continue;
                }
                Node first = written.putIfAbsent(name.get(), item);
                if (first != null) {
                    in.problem(item, itemPath, YamlName.of(side) + " field `" + name.get() + "` is already mapped at line "
                            + NodeReader.line(first) + "; two canonical fields would overwrite each other",
                            "map it to one canonical field only");
                }
                fields.add(name.get());
            }
            if (fields.size() > 1 && field.kind() != CanonicalField.Kind.CODE) {
                in.problem(fieldsNode, path, "only status and priority can span several fields",
                        "bind `" + field.yaml() + "` to one field");
            }
        }
        if (labelPrefix != null) {
            Node first = written.putIfAbsent("label-prefix:" + labelPrefix, node);
            if (first != null) {
                in.problem(node, path, "label prefix `" + labelPrefix + "` is already used at line " + NodeReader.line(first),
                        "use a different prefix");
            }
        }
        return new FieldBinding(fields, text, labelPrefix);
    }

    // ---- value maps --------------------------------------------------------------------------

    private <E extends Enum<E>> CodeMap<E> codeMapFor(NodeReader.Entries values, String name, CanonicalField field,
                                                      Class<E> type, Map<CanonicalField, FieldRule> fields) {
        FieldRule rule = fields.get(field);
        if (!values.has(name)) {
            if (rule != null) {
                in.problem(values.node(), "values", "field `" + field.yaml() + "` is mapped but has no value map",
                        "add `values." + name + "` with a `default` and a `map`");
            }
            return null;
        }
        String path = "values." + name;
        Optional<NodeReader.Entries> map = in.map(values.get(name), path, List.of("default", "map"), List.of("map"));
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        E defaultValue = null;
        if (!e.has("default")) {
            in.problem(values.keyNode(name), path, "value map for `" + name + "` has no default",
                    "add `default: " + YamlName.allOf(type).get(YamlName.allOf(type).size() > 2 ? 2 : 0)
                            + "` for values that have no entry");
        } else {
            defaultValue = in.enumValue(e.get("default"), path + ".default", type).orElse(null);
        }
        Map<E, CodeMap.Alternatives> entries = new LinkedHashMap<>();
        Map<E, Node> entryNodes = new EnumMap<>(type);
        if (e.has("map")) {
            Optional<NodeReader.Entries> byValue = in.openMap(e.get("map"), path + ".map", List.of());
            Map<String, String> seenJira = new HashMap<>();
            Map<String, String> seenServiceNow = new HashMap<>();
            for (Map.Entry<String, NodeTuple> entry : byValue.map(NodeReader.Entries::tuples).orElse(Map.of()).entrySet()) {
                String entryPath = path + ".map." + entry.getKey();
                Optional<E> canonical = in.enumValue(entry.getValue().getKeyNode(), entryPath, type);
                if (canonical.isEmpty()) {
                    continue;
                }
                Optional<NodeReader.Entries> sides = in.map(entry.getValue().getValueNode(), entryPath, SIDES, List.of());
                if (sides.isEmpty()) {
                    continue;
                }
                List<Map<String, String>> jira = alternatives(name, sides.get(), "jira", rule == null ? null : rule.jira(),
                        entryPath, entry.getKey(), seenJira);
                List<Map<String, String>> servicenow = alternatives(name, sides.get(), "servicenow",
                        rule == null ? null : rule.servicenow(), entryPath, entry.getKey(), seenServiceNow);
                entries.put(canonical.get(), new CodeMap.Alternatives(jira, servicenow));
                entryNodes.put(canonical.get(), entry.getValue().getKeyNode());
            }
        }
        if (defaultValue != null) {
            CodeMap.Alternatives forDefault = entries.get(defaultValue);
            for (String side : SIDES) {
                boolean bound = rule != null && rule.binding(side.equals("jira") ? ExternalSystem.JIRA : ExternalSystem.SERVICENOW) != null;
                boolean hasValue = forDefault != null
                        && !forDefault.on(side.equals("jira") ? ExternalSystem.JIRA : ExternalSystem.SERVICENOW).isEmpty();
                if (bound && !hasValue) {
                    in.problem(e.get("default"), path + ".default", "default `" + YamlName.of(defaultValue) + "` has no "
                            + side + " value in the map, so it cannot stand in for unmapped values",
                            "add `" + side + ":` under `map." + YamlName.of(defaultValue) + "` or choose another default");
                }
            }
        }
        return defaultValue == null ? null : new CodeMap<>(name, entries, defaultValue);
    }

    /** One side's alternatives for one canonical value; each must use only the side's bound fields. */
    private List<Map<String, String>> alternatives(String mapName, NodeReader.Entries sides, String side, FieldBinding binding,
                                                   String entryPath, String canonical, Map<String, String> seen) {
        List<Map<String, String>> result = new ArrayList<>();
        if (!sides.has(side)) {
            return result;
        }
        String path = entryPath + "." + side;
        List<String> boundFields = binding == null ? List.of() : binding.fields();
        if (binding == null) {
            in.problem(sides.keyNode(side), path, "`" + mapName + "` is not bound to " + side + " in `fields`",
                    "bind it under `fields." + mapName + "." + side + "` or remove these values");
            return result;
        }
        List<Node> items = in.list(sides.get(side), path);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            Map<String, String> alternative = new LinkedHashMap<>();
            if (item instanceof ScalarNode) {
                if (boundFields.size() != 1) {
                    in.problem(item, itemPath, "a single value cannot say " + String.join(" and ", boundFields),
                            "write a map, e.g. {" + String.join(": ..., ", boundFields) + ": ...}");
                    continue;
                }
                in.text(item, itemPath).ifPresent(v -> alternative.put(boundFields.get(0), v));
            } else {
                Optional<NodeReader.Entries> values = in.map(item, itemPath, boundFields, List.of());
                if (values.isEmpty() || !values.get().clean()) {
                    continue;
                }
                for (String field : values.get().tuples().keySet()) {
                    in.text(values.get().get(field), itemPath + "." + field).ifPresent(v -> alternative.put(field, v));
                }
                if (values.get().tuples().isEmpty()) {
                    in.problem(item, itemPath, "empty value", "give at least " + boundFields.get(0));
                    continue;
                }
            }
            for (Map.Entry<String, String> value : alternative.entrySet()) {
                if ((value.getKey().equals("impact") || value.getKey().equals("urgency")) && !LEVELS.contains(value.getValue())) {
                    in.problem(item, itemPath + "." + value.getKey(), value.getKey() + " `" + value.getValue()
                            + "` is not a ServiceNow level; expected 1, 2 or 3", "use 1 (high), 2 (medium) or 3 (low)");
                }
            }
            String key = new java.util.TreeMap<>(alternative).toString();
            String firstOwner = seen.putIfAbsent(key, canonical);
            if (firstOwner != null && !alternative.isEmpty()) {
                in.problem(item, itemPath, mapName + " " + CodeMap.describe(alternative) + " is mapped twice (under `"
                        + firstOwner + "` and `" + canonical + "`)", "keep it under one " + mapName + " only");
                continue;
            }
            if (!alternative.isEmpty()) {
                result.add(alternative);
            }
        }
        return result;
    }

    private UserDirectory usersFor(NodeReader.Entries values, Map<CanonicalField, FieldRule> fields) {
        if (!values.has("users")) {
            if (fields.containsKey(CanonicalField.ASSIGNEE)) {
                in.problem(values.node(), "values", "field `assignee` is mapped but `values.users` is missing",
                        "add `values.users` with a `default` and the `people` known to both systems");
            }
            return null;
        }
        String path = "values.users";
        Optional<NodeReader.Entries> map = in.map(values.get("users"), path, List.of("default", "people"), List.of());
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        UserDirectory.WhenUnknown whenUnknown = null;
        if (!e.has("default")) {
            in.problem(values.keyNode("users"), path, "value map for `users` has no default",
                    "add `default: leave-unchanged` (or `unassigned`) for people not listed");
        } else {
            whenUnknown = in.enumValue(e.get("default"), path + ".default", UserDirectory.WhenUnknown.class).orElse(null);
        }
        List<UserDirectory.Person> people = new ArrayList<>();
        Map<String, Node> emails = new HashMap<>();
        Map<String, Node> accounts = new HashMap<>();
        List<Node> items = e.has("people") ? in.list(e.get("people"), path + ".people") : List.of();
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + ".people[" + i + "]";
            Optional<NodeReader.Entries> person = in.map(items.get(i), itemPath, List.of("email", "jira", "servicenow"),
                    List.of("email"));
            if (person.isEmpty() || !person.get().has("email")) {
                continue;
            }
            Node emailNode = person.get().get("email");
            Optional<String> email = in.text(emailNode, itemPath + ".email").map(s -> s.toLowerCase(Locale.ROOT));
            if (email.isEmpty()) {
                continue;
            }
            if (!EMAIL.matcher(email.get()).matches()) {
                in.problem(emailNode, itemPath + ".email", "`" + email.get() + "` is not an e-mail address",
                        "write it as name@example.com");
                continue;
            }
            Node first = emails.putIfAbsent(email.get(), emailNode);
            if (first != null) {
                in.problem(emailNode, itemPath + ".email", "user `" + email.get() + "` is listed twice (first at line "
                        + NodeReader.line(first) + ")", "keep one entry per person");
                continue;
            }
            String jira = person.get().has("jira") ? in.text(person.get().get("jira"), itemPath + ".jira").orElse(null) : null;
            if (jira != null) {
                Node firstAccount = accounts.putIfAbsent(jira, person.get().get("jira"));
                if (firstAccount != null) {
                    in.problem(person.get().get("jira"), itemPath + ".jira", "Jira account `" + jira
                            + "` is given to two people (first at line " + NodeReader.line(firstAccount) + ")",
                            "each Jira account belongs to one e-mail");
                }
            }
            String servicenow = person.get().has("servicenow")
                    ? in.text(person.get().get("servicenow"), itemPath + ".servicenow").orElse(null) : null;
            people.add(new UserDirectory.Person(email.get(), jira, servicenow));
        }
        return whenUnknown == null ? null : new UserDirectory(people, whenUnknown);
    }

    // ---- classification ----------------------------------------------------------------------

    private ClassificationRules classification(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "classification",
                List.of("rules", "default", "write-back", "release-plan"), List.of("default"));
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        List<ClassificationRule> rules = new ArrayList<>();
        if (e.has("rules")) {
            Map<String, Node> ids = new HashMap<>();
            List<Node> items = in.list(e.get("rules"), "classification.rules");
            for (int i = 0; i < items.size(); i++) {
                rule(items.get(i), "classification.rules[" + i + "]", ids).ifPresent(rules::add);
            }
        }
        Scope scope = null;
        ActionKind kind = null;
        String phase = null;
        if (e.has("default")) {
            Optional<NodeReader.Entries> d = in.map(e.get("default"), "classification.default",
                    List.of("scope", "kind", "release-phase"), List.of("scope", "kind", "release-phase"));
            if (d.isPresent()) {
                scope = d.get().has("scope") ? in.enumValue(d.get().get("scope"), "classification.default.scope", Scope.class).orElse(null) : null;
                kind = d.get().has("kind") ? in.enumValue(d.get().get("kind"), "classification.default.kind", ActionKind.class).orElse(null) : null;
                phase = d.get().has("release-phase") ? releasePhase(d.get().get("release-phase"), "classification.default.release-phase") : null;
            }
        }
        WriteBack writeBack = e.has("write-back") ? writeBack(e.get("write-back")) : new WriteBack(Map.of(), Map.of(), Map.of());
        if (e.has("release-plan")) {
            Set<String> ruleIds = new LinkedHashSet<>(rules.stream().map(ClassificationRule::id).toList());
            ruleIds.add(ClassificationRules.DEFAULT_RULE_ID);
            releasePlan = new ReleasePlanParser(in).parse(e.get("release-plan"), "classification.release-plan", ruleIds);
        }
        if (scope == null || kind == null || phase == null || writeBack == null) {
            return null;
        }
        return new ClassificationRules(rules, scope, kind, phase, writeBack);
    }

    private Optional<ClassificationRule> rule(Node node, String path, Map<String, Node> ids) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("id", "description", "when", "then"),
                List.of("id", "when", "then"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        String id = e.has("id") ? in.text(e.get("id"), path + ".id").orElse(null) : null;
        if (id != null) {
            if (!RULE_ID.matcher(id).matches()) {
                in.problem(e.get("id"), path + ".id", "rule id `" + id + "` must be lower-case words joined by hyphens",
                        "e.g. `canary-for-gateway-changes`");
            } else if (id.equals(ClassificationRules.DEFAULT_RULE_ID)) {
                in.problem(e.get("id"), path + ".id", "rule id `default` is reserved for classification.default",
                        "choose another id");
            }
            Node first = ids.putIfAbsent(id, e.get("id"));
            if (first != null) {
                in.problem(e.get("id"), path + ".id", "rule id `" + id + "` is used twice (first at line "
                        + NodeReader.line(first) + ")", "give every rule its own id; journal entries name rules by id");
            }
        }
        String description = in.optionalText(e.get("description"), path + ".description");
        RuleCondition when = e.has("when") ? condition(e.get("when"), path + ".when") : null;
        Scope scope = null;
        ActionKind kind = null;
        String phase = null;
        if (e.has("then")) {
            Optional<NodeReader.Entries> then = in.map(e.get("then"), path + ".then", List.of("scope", "kind", "release-phase"),
                    List.of());
            if (then.isPresent()) {
                NodeReader.Entries t = then.get();
                if (t.tuples().isEmpty()) {
                    in.problem(e.get("then"), path + ".then", "the rule sets nothing",
                            "set at least one of scope, kind, release-phase");
                }
                scope = t.has("scope") ? in.enumValue(t.get("scope"), path + ".then.scope", Scope.class).orElse(null) : null;
                kind = t.has("kind") ? in.enumValue(t.get("kind"), path + ".then.kind", ActionKind.class).orElse(null) : null;
                phase = t.has("release-phase") ? releasePhase(t.get("release-phase"), path + ".then.release-phase") : null;
            }
        }
        if (id == null || when == null) {
            return Optional.empty();
        }
        return Optional.of(new ClassificationRule(id, description, when, scope, kind, phase));
    }

    private RuleCondition condition(Node node, String path) {
        Optional<NodeReader.Entries> map = in.map(node, path,
                List.of("labels", "components", "text", "failure-mode", "source"), List.of());
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        Set<String> labelsAny = new LinkedHashSet<>();
        Set<String> labelsAll = new LinkedHashSet<>();
        if (e.has("labels")) {
            in.map(e.get("labels"), path + ".labels", List.of("any", "all"), List.of()).ifPresent(l -> {
                oneOrMore(l, "any", labelsAny);
                oneOrMore(l, "all", labelsAll);
            });
        }
        Set<String> componentsAny = new LinkedHashSet<>();
        if (e.has("components")) {
            in.map(e.get("components"), path + ".components", List.of("any"), List.of("any"))
                    .ifPresent(c -> oneOrMore(c, "any", componentsAny));
        }
        List<String> contains = new ArrayList<>();
        SafePattern matches = null;
        if (e.has("text")) {
            Optional<NodeReader.Entries> text = in.map(e.get("text"), path + ".text", List.of("contains", "matches"), List.of());
            if (text.isPresent()) {
                if (text.get().has("contains")) {
                    contains.addAll(in.texts(text.get().get("contains"), path + ".text.contains"));
                }
                if (text.get().has("matches")) {
                    matches = pattern(text.get().get("matches"), path + ".text.matches");
                }
            }
        }
        Set<String> failureModes = e.has("failure-mode")
                ? new LinkedHashSet<>(in.texts(e.get("failure-mode"), path + ".failure-mode")) : Set.of();
        ExternalSystem source = e.has("source") ? in.system(e.get("source"), path + ".source").orElse(null) : null;
        RuleCondition condition = new RuleCondition(labelsAny, labelsAll, componentsAny, contains, matches, failureModes, source);
        if (e.tuples().isEmpty()) {
            in.problem(node, path, "the rule has no conditions, so it would match every item",
                    "add a condition, or put its outcome in classification.default");
        }
        return condition;
    }

    private void oneOrMore(NodeReader.Entries map, String key, Set<String> into) {
        if (map.has(key)) {
            List<String> values = in.texts(map.get(key), map.pathOf(key));
            if (values.isEmpty()) {
                in.problem(map.get(key), map.pathOf(key), "empty list", "list at least one value or remove `" + key + "`");
            }
            into.addAll(values);
        }
    }

    private SafePattern pattern(Node node, String path) {
        Optional<String> source = in.text(node, path);
        if (source.isEmpty()) {
            return null;
        }
        if (source.get().length() > SafePattern.MAX_PATTERN_LENGTH) {
            in.problem(node, path, "pattern is " + source.get().length() + " characters; at most "
                    + SafePattern.MAX_PATTERN_LENGTH + " are allowed", "shorten it or use `contains` with several phrases");
            return null;
        }
        try {
            return new SafePattern(Pattern.compile(source.get()));
        } catch (PatternSyntaxException ex) {
            in.problem(node, path, "invalid regular expression `" + source.get() + "`: " + ex.getDescription()
                    + (ex.getIndex() >= 0 ? " at position " + ex.getIndex() : ""),
                    "fix the pattern (Java regex syntax; escape ( ) [ ] . * + ? with \\)");
            return null;
        }
    }

    private String releasePhase(Node node, String path) {
        Optional<String> value = in.text(node, path);
        if (value.isPresent() && !ReleasePhase.isValid(value.get())) {
            in.problem(node, path, "release phase `" + value.get() + "` must be lower-case words joined by hyphens",
                    "e.g. pre-deployment-testing, cutover, post-release");
            return null;
        }
        return value.orElse(null);
    }

    private WriteBack writeBack(Node node) {
        String path = "classification.write-back";
        Optional<NodeReader.Entries> map = in.map(node, path, SIDES, List.of());
        if (map.isEmpty()) {
            return null;
        }
        Map<String, String> jiraLabels = Map.of();
        Map<String, String> jiraFields = Map.of();
        Map<String, String> servicenowFields = Map.of();
        if (map.get().has("jira")) {
            Optional<NodeReader.Entries> jira = in.map(map.get().get("jira"), path + ".jira", List.of("labels", "fields"), List.of());
            if (jira.isPresent()) {
                jiraLabels = parts(jira.get(), "labels", path + ".jira.labels");
                jiraFields = parts(jira.get(), "fields", path + ".jira.fields");
            }
        }
        if (map.get().has("servicenow")) {
            Optional<NodeReader.Entries> sn = in.map(map.get().get("servicenow"), path + ".servicenow", List.of("fields"), List.of());
            if (sn.isPresent()) {
                servicenowFields = parts(sn.get(), "fields", path + ".servicenow.fields");
            }
        }
        return new WriteBack(jiraLabels, jiraFields, servicenowFields);
    }

    private Map<String, String> parts(NodeReader.Entries parent, String key, String path) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (parent.has(key)) {
            in.map(parent.get(key), path, WriteBack.PARTS, List.of()).ifPresent(m -> m.tuples().forEach((part, tuple) ->
                    in.text(tuple.getValueNode(), path + "." + part).ifPresent(v -> parts.put(part, v))));
        }
        return parts;
    }
}
