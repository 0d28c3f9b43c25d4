package io.retrobridge.mapping.escalation;

import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.Priority;
import io.retrobridge.domain.Scope;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.mapping.ActionItemsDefinition;
import io.retrobridge.mapping.CalendarReader;
import io.retrobridge.mapping.NodeReader;
import io.retrobridge.mapping.Suggestions;
import java.time.DayOfWeek;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and checks {@code escalations.yaml} into an {@link EscalationPolicy}. Every problem is recorded in the
 * reader with its place and a fix, and reading carries on, so the admin sees all of them at once.
 */
public final class EscalationsParser {

    /** The keys a file may have at the top, in the order the shipped file uses them. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("version", "calendar", "boards", "ladders", "systemic",
            "grouping", "context", "markers");

    /** Used when the file has no {@code markers:} section. */
    public static final StateMarkers DEFAULT_MARKERS = new StateMarkers("escalated:", "u_escalation");

    /** Used when the file has no {@code context:} section: tickets then name no retrospective, change or team. */
    public static final ItemContext NO_CONTEXT = new ItemContext(null, null, null, null, null, false);

    /** The ladder id systemic escalations are recorded under; a ladder of the file cannot take it. */
    public static final String SYSTEMIC_LADDER_ID = "systemic";

    private static final Pattern ID = NodeReader.ID;
    private static final Pattern JIRA_PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");
    private static final Pattern SERVICENOW_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_RECURRENCES = 100;
    private static final String ACTIONS = "`remind`, `{ticket: <board id>}` or `{reassign: <e-mail>}`";

    private final NodeReader in;
    private final ActionItemsInUse actionItems;
    /** Every board id the file defines, valid or not, so a broken board is not reported again as unknown. */
    private final Set<String> boardIds = new LinkedHashSet<>();

    /**
     * @param in          reads the nodes of {@link EscalationPolicy#FILE_NAME} and collects the problems
     * @param actionItems what the action-item mapping uses (queues, mapped fields and label prefixes), which
     *                    board queues and markers must keep out of
     */
    public EscalationsParser(NodeReader in, ActionItemsInUse actionItems) {
        this.in = in;
        this.actionItems = actionItems;
    }

    /** The policy, or empty when anything was wrong (the problems are in the reader's list). */
    public Optional<EscalationPolicy> parse(Node root) {
        int before = in.problemCount();
        Optional<NodeReader.Entries> top = in.map(root, "", TOP_LEVEL_KEYS, List.of("version", "boards", "ladders"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries file = top.get();
        in.versionOne(file);
        WorkCalendar calendar = file.has("calendar") ? new CalendarReader(in).read(file.get("calendar"),
                true, "the zone in which a due date passes at midnight") : WorkCalendar.standard();
        Map<String, Board> boards = file.has("boards") ? boards(file.get("boards")) : Map.of();
        List<Ladder> ladders = file.has("ladders") ? ladders(file.get("ladders")) : List.of();
        Optional<SystemicRule> systemic = file.has("systemic") ? systemic(file.get("systemic")) : Optional.empty();
        Optional<Grouping> grouping = file.has("grouping") ? grouping(file.get("grouping")) : Optional.empty();
        ItemContext context = file.has("context") ? context(file.get("context")) : NO_CONTEXT;
        StateMarkers markers = file.has("markers") ? markers(file.get("markers")) : DEFAULT_MARKERS;
        if (in.problemCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new EscalationPolicy(calendar, boards, ladders, systemic, grouping, context, markers));
    }

    // ---- boards ------------------------------------------------------------------------------

    private Map<String, Board> boards(Node node) {
        Map<String, Board> boards = new LinkedHashMap<>();
        Optional<NodeReader.Entries> map = in.openMap(node, "boards", List.of());
        if (map.isEmpty()) {
            return boards;
        }
        for (Map.Entry<String, NodeTuple> entry : map.get().tuples().entrySet()) {
            String id = entry.getKey();
            Node keyNode = entry.getValue().getKeyNode();
            boardIds.add(id);
            if (!ID.matcher(id).matches()) {
                in.problem(keyNode, "boards." + id, "board id `" + id + "` must be lower-case words joined by hyphens",
                        "e.g. `cab` or `release-advisory-board`; it appears in labels such as escalated:cab");
                continue;
            }
            board(id, keyNode, entry.getValue().getValueNode()).ifPresent(board -> boards.put(id, board));
        }
        return boards;
    }

    private Optional<Board> board(String id, Node keyNode, Node node) {
        String path = "boards." + id;
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("name", "servicenow", "jira"), List.of("name"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        String name = e.has("name") ? in.text(e.get("name"), path + ".name").orElse(null) : null;
        BoardQueue queue = null;
        if (e.has("servicenow") && e.has("jira")) {
            in.problem(e.keyNode("jira"), path, "board `" + id + "` has both `servicenow` and `jira`; a board's tickets"
                    + " go to one queue", "keep the one the board triages and remove the other");
        } else if (e.has("servicenow")) {
            queue = serviceNowQueue(id, e.get("servicenow"), path + ".servicenow");
        } else if (e.has("jira")) {
            queue = jiraQueue(id, e.get("jira"), path + ".jira");
        } else if (e.clean()) {
            in.problem(keyNode, path, "board `" + id + "` has no queue",
                    "add `servicenow: {table: sc_task, assignment-group: <group>}` or "
                            + "`jira: {project: <KEY>, issue-type: Task}`");
        }
        return name == null || queue == null ? Optional.empty() : Optional.of(new Board(id, name, queue));
    }

    private BoardQueue serviceNowQueue(String id, Node node, String path) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("table", "assignment-group"),
                List.of("table", "assignment-group"));
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        String table = e.has("table") ? in.text(e.get("table"), path + ".table").orElse(null) : null;
        if (table != null && !SERVICENOW_NAME.matcher(table).matches()) {
            in.problem(e.get("table"), path + ".table", "`" + table + "` is not a ServiceNow table name",
                    "use the table's system name, e.g. sc_task");
            table = null;
        } else if (table != null && table.equals(actionItems.serviceNowTable())) {
            in.problem(e.get("table"), path + ".table", "board `" + id + "` would raise its tickets in `" + table
                    + "`, the table " + ActionItemsDefinition.FILE_NAME + " reads action items from (scope.servicenow"
                    + ".table), so every ticket would be synced as an action item",
                    "use the table the board works from, e.g. sc_task");
            table = null;
        }
        String group = e.has("assignment-group")
                ? in.text(e.get("assignment-group"), path + ".assignment-group").orElse(null) : null;
        return table == null || group == null ? null : BoardQueue.serviceNow(table, group);
    }

    private BoardQueue jiraQueue(String id, Node node, String path) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("project", "issue-type", "labels"),
                List.of("project", "issue-type"));
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        String project = e.has("project") ? in.text(e.get("project"), path + ".project").orElse(null) : null;
        if (project != null && !JIRA_PROJECT.matcher(project).matches()) {
            in.problem(e.get("project"), path + ".project", "`" + project + "` is not a Jira project key",
                    "use the key in capitals, e.g. ARB (2-10 letters, digits or _)");
            project = null;
        } else if (project != null && actionItems.jiraProjects().contains(project)) {
            in.problem(e.get("project"), path + ".project", "board `" + id + "` would raise its tickets in project `"
                    + project + "`, which " + ActionItemsDefinition.FILE_NAME + " searches for action items (scope.jira"
                    + ".projects), so every ticket would be synced as an action item",
                    "use the project the board works from, e.g. ARB");
            project = null;
        }
        String issueType = e.has("issue-type") ? in.text(e.get("issue-type"), path + ".issue-type").orElse(null) : null;
        List<String> labels = new ArrayList<>();
        if (e.has("labels")) {
            List<Node> items = in.list(e.get("labels"), path + ".labels");
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String itemPath = path + ".labels[" + i + "]";
                in.text(item, itemPath).ifPresent(label -> {
                    if (label.chars().anyMatch(Character::isWhitespace)) {
                        in.problem(item, itemPath, "Jira label `" + label + "` contains a space; Jira labels cannot",
                                "join the words with hyphens, e.g. " + label.strip().replaceAll("\\s+", "-"));
                    } else {
                        labels.add(label);
                    }
                });
            }
        }
        return project == null || issueType == null ? null : BoardQueue.jira(project, issueType, labels);
    }

    // ---- ladders -----------------------------------------------------------------------------

    /** A ladder as read, kept even when part of it is wrong so later checks can still name it. */
    private record LadderDraft(String id, Node node, LadderMatch when, Optional<Ladder> ladder) {
    }

    private List<Ladder> ladders(Node node) {
        List<Node> items = in.list(node, "ladders");
        if (items.isEmpty() && !(node instanceof MappingNode)) {
            in.problem(node, "ladders", "no ladder listed",
                    "list at least one ladder, or delete " + EscalationPolicy.FILE_NAME + " to turn escalation off");
        }
        Map<String, Node> ids = new HashMap<>();
        List<LadderDraft> drafts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ladder(items.get(i), "ladders[" + i + "]", ids).ifPresent(draft -> {
                reportIfUnreachable(draft, drafts);
                drafts.add(draft);
            });
        }
        return drafts.stream().flatMap(d -> d.ladder().stream()).toList();
    }

    private Optional<LadderDraft> ladder(Node node, String path, Map<String, Node> ids) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("id", "when", "steps"), List.of("id", "steps"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        String id = e.has("id") ? id(e.get("id"), path + ".id", "ladder", ids) : null;
        if (SYSTEMIC_LADDER_ID.equals(id)) {
            in.problem(e.get("id"), path + ".id", "ladder id `systemic` is reserved for the `systemic:` escalation",
                    "choose another id");
            id = null;
        }
        LadderMatch when = e.has("when") ? when(e.get("when"), path + ".when") : LadderMatch.any();
        List<LadderStep> steps = new ArrayList<>();
        boolean stepsComplete = e.has("steps") && steps(e.get("steps"), path + ".steps", steps);
        Optional<Ladder> ladder = id != null && when != null && stepsComplete
                ? Optional.of(new Ladder(id, when, steps)) : Optional.empty();
        return id == null ? Optional.empty() : Optional.of(new LadderDraft(id, node, when, ladder));
    }

    private String id(Node node, String path, String what, Map<String, Node> ids) {
        return in.uniqueId(node, path, ids, what,
                "e.g. `production-fixes`; the journal and the admin API name " + what + "s by id",
                "give every " + what + " its own id; an item reaches each " + what + " by its id");
    }

    private LadderMatch when(Node node, String path) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("scope", "kind", "priority"), List.of());
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        int before = in.problemCount();
        Set<Scope> scopes = enums(e, "scope", Scope.class);
        Set<ActionKind> kinds = enums(e, "kind", ActionKind.class);
        Set<Priority> priorities = enums(e, "priority", Priority.class);
        // A misspelt part would widen the match; leave the ladder out of the reachability check instead.
        return in.problemCount() > before || !e.clean() ? null : new LadderMatch(scopes, kinds, priorities);
    }

    private <E extends Enum<E>> Set<E> enums(NodeReader.Entries map, String key, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (!map.has(key)) {
            return values;
        }
        String path = map.pathOf(key);
        List<Node> items = in.list(map.get(key), path);
        if (items.isEmpty()) {
            in.problem(map.get(key), path, "empty list", "list at least one value, or remove `" + key + "` to match any");
        }
        for (int i = 0; i < items.size(); i++) {
            in.enumValue(items.get(i), path + "[" + i + "]", type).ifPresent(values::add);
        }
        return values;
    }

    /** A ladder after one that takes every item it would match is dead text; say so rather than ignore it. */
    private void reportIfUnreachable(LadderDraft later, List<LadderDraft> earlier) {
        if (later.when() == null) {
            return;
        }
        for (LadderDraft first : earlier) {
            if (first.when() == null || !covers(first.when(), later.when())) {
                continue;
            }
            boolean catchAll = first.when().equals(LadderMatch.any());
            in.problem(later.node(), "ladders." + later.id(), "ladder `" + later.id() + "` can never be chosen: ladder `"
                    + first.id() + "` (line " + NodeReader.line(first.node()) + ") comes first and "
                    + (catchAll ? "has no `when`, so it takes every item" : "matches every item this one matches"),
                    "move `" + later.id() + "` above `" + first.id() + "`, or "
                            + (catchAll ? "give `" + first.id() + "` a `when`" : "narrow the `when` of `" + first.id() + "`"));
            return;
        }
    }

    private static boolean covers(LadderMatch first, LadderMatch later) {
        return covers(first.scopes(), later.scopes()) && covers(first.kinds(), later.kinds())
                && covers(first.priorities(), later.priorities());
    }

    /** An empty set matches anything; otherwise it covers only a non-empty set it contains. */
    private static <T> boolean covers(Set<T> first, Set<T> later) {
        return first.isEmpty() || (!later.isEmpty() && first.containsAll(later));
    }

    /** Adds the valid steps to {@code into}; answers whether every step was valid. */
    private boolean steps(Node node, String path, List<LadderStep> into) {
        int before = in.problemCount();
        List<Node> items = in.list(node, path);
        if (items.isEmpty() && !(node instanceof MappingNode)) {
            in.problem(node, path, "the ladder has no steps", "add at least one step, e.g. `- {id: remind, after: 1 day,"
                    + " action: remind, text: ...}`");
        }
        Map<String, Node> ids = new HashMap<>();
        Threshold previous = null;
        for (int i = 0; i < items.size(); i++) {
            Optional<LadderStep> step = step(items.get(i), path + "[" + i + "]", ids, previous);
            if (step.isPresent()) {
                into.add(step.get());
                previous = step.get().after();
            }
        }
        return in.problemCount() == before;
    }

    private Optional<LadderStep> step(Node node, String path, Map<String, Node> ids, Threshold previous) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("id", "after", "action", "title", "text"),
                List.of("id", "after", "action", "text"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        String id = e.has("id") ? id(e.get("id"), path + ".id", "step", ids) : null;
        Threshold after = e.has("after") ? threshold(e.get("after"), path + ".after") : null;
        if (after != null && previous != null && after.days() < previous.days()) {
            in.problem(e.get("after"), path + ".after", "`" + DaySpans.describe(after) + "` comes after a step at `"
                    + DaySpans.describe(previous) + "`; thresholds within a ladder must not decrease",
                    "order the steps by `after`, or raise this one to at least " + previous.days());
        }
        StepAction action = e.has("action") ? action(e.get("action"), path + ".action") : null;
        String title = null;
        if (action instanceof StepAction.RaiseTicket) {
            if (e.has("title")) {
                title = template(e.get("title"), path + ".title", TemplateVariables.ITEM);
            } else {
                in.problem(node, path, "a ticket step needs a `title` (the ticket's summary)",
                        "add e.g. `title: \"Overdue retrospective action {{item.key}}: {{item.title}}\"`");
            }
        } else if (action != null && e.has("title")) {
            in.problem(e.keyNode("title"), path + ".title", "`title` is used only by ticket steps; this step writes a"
                    + " comment on the item", "remove `title`, or make the step `action: {ticket: <board id>}`");
        }
        String text = e.has("text") ? template(e.get("text"), path + ".text", TemplateVariables.ITEM) : null;
        if (id == null || after == null || action == null || text == null
                || (action instanceof StepAction.RaiseTicket && title == null)) {
            return Optional.empty();
        }
        return Optional.of(new LadderStep(id, after, action, new TicketText(title, text)));
    }

    private Threshold threshold(Node node, String path) {
        Optional<String> text = in.text(node, path);
        if (text.isEmpty()) {
            return null;
        }
        DaySpans.Parsed<Threshold> parsed = DaySpans.threshold(text.get());
        if (parsed.value().isEmpty()) {
            in.problem(node, path, parsed.problem(), parsed.fix());
        }
        return parsed.value().orElse(null);
    }

    private StepAction action(Node node, String path) {
        if (node instanceof ScalarNode) {
            Optional<String> word = in.text(node, path);
            if (word.isEmpty()) {
                return null;
            }
            if (word.get().equals("remind")) {
                return new StepAction.Remind();
            }
            if (word.get().equals("ticket") || word.get().equals("reassign")) {
                in.problem(node, path, "`" + word.get() + "` needs to say " + (word.get().equals("ticket")
                        ? "which board" : "to whom"), "write `action: {" + word.get() + ": "
                        + (word.get().equals("ticket") ? "<board id>" : "<e-mail>") + "}`");
                return null;
            }
            Optional<String> suggestion = Suggestions.closest(word.get(), List.of("remind", "ticket", "reassign"));
            in.problem(node, path, "`" + word.get() + "` is not an action; expected " + ACTIONS
                    + suggestion.map(s -> " (did you mean `" + s + "`?)").orElse(""), "use one of " + ACTIONS);
            return null;
        }
        if (!(node instanceof MappingNode)) {
            in.problem(node, path, "expected " + ACTIONS + " but found " + NodeReader.describe(node), "use one of " + ACTIONS);
            return null;
        }
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("ticket", "reassign"), List.of());
        if (map.isEmpty() || !map.get().clean()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        if (e.tuples().size() != 1) {
            in.problem(node, path, "a step does one thing; found " + (e.tuples().isEmpty() ? "nothing" : "both `ticket`"
                    + " and `reassign`"), "write either `{ticket: <board id>}` or `{reassign: <e-mail>}`; use two steps"
                    + " for both");
            return null;
        }
        if (e.has("ticket")) {
            return boardRef(e.get("ticket"), path + ".ticket").map(StepAction.RaiseTicket::new).orElse(null);
        }
        Node to = e.get("reassign");
        Optional<String> email = in.text(to, path + ".reassign").map(s -> s.toLowerCase(Locale.ROOT));
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            in.problem(to, path + ".reassign", "`" + email.get() + "` is not an e-mail address; people are re-assigned"
                    + " by e-mail", "write the person's e-mail, e.g. abel.tuter@example.com");
            return null;
        }
        return email.map(StepAction.Reassign::new).orElse(null);
    }

    /** The id of a board the file defines. */
    private Optional<String> boardRef(Node node, String path) {
        Optional<String> id = in.text(node, path);
        if (id.isEmpty() || boardIds.contains(id.get())) {
            return id;
        }
        Optional<String> suggestion = Suggestions.closest(id.get(), boardIds);
        in.problem(node, path, "unknown board `" + id.get() + "`" + suggestion.map(s -> "; did you mean `" + s + "`?")
                .orElse(""), boardIds.isEmpty() ? "define it under `boards:`"
                : "use one of the boards defined under `boards:`: " + String.join(", ", boardIds));
        return Optional.empty();
    }

    /** A text with only the given placeholders. */
    private String template(Node node, String path, List<String> allowed) {
        Optional<String> text = in.text(node, path);
        if (text.isEmpty()) {
            return null;
        }
        List<Placeholders.Misuse> misuses = Placeholders.check(text.get(), allowed);
        misuses.forEach(m -> in.problem(node, path, m.message(), m.fix()));
        return misuses.isEmpty() ? text.get() : null;
    }

    // ---- systemic and grouping ---------------------------------------------------------------

    private Optional<SystemicRule> systemic(Node node) {
        List<String> keys = List.of("board", "recurrences", "window", "open-at-board", "title", "text");
        Optional<NodeReader.Entries> map = in.map(node, "systemic", keys, keys);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        String board = e.has("board") ? boardRef(e.get("board"), "systemic.board").orElse(null) : null;
        Integer recurrences = e.has("recurrences") ? recurrences(e.get("recurrences")) : null;
        Period window = null;
        if (e.has("window")) {
            Optional<String> text = in.text(e.get("window"), "systemic.window");
            DaySpans.Parsed<Period> parsed = text.map(DaySpans::window).orElse(null);
            if (parsed != null && parsed.value().isEmpty()) {
                in.problem(e.get("window"), "systemic.window", parsed.problem(), parsed.fix());
            }
            window = parsed == null ? null : parsed.value().orElse(null);
        }
        Threshold openAtBoard = e.has("open-at-board") ? threshold(e.get("open-at-board"), "systemic.open-at-board") : null;
        String title = e.has("title") ? template(e.get("title"), "systemic.title", TemplateVariables.ITEM) : null;
        String text = e.has("text") ? template(e.get("text"), "systemic.text", TemplateVariables.ITEM) : null;
        if (board == null || recurrences == null || window == null || openAtBoard == null || title == null || text == null) {
            return Optional.empty();
        }
        return Optional.of(new SystemicRule(board, recurrences, window, openAtBoard, new TicketText(title, text)));
    }

    private Integer recurrences(Node node) {
        Optional<String> text = in.text(node, "systemic.recurrences");
        if (text.isEmpty()) {
            return null;
        }
        if (!text.get().matches("\\d{1,9}")) {
            in.problem(node, "systemic.recurrences", "expected a whole number of retrospectives but found `" + text.get()
                    + "`", "write e.g. `recurrences: 3`");
            return null;
        }
        int n = Integer.parseInt(text.get());
        if (n < 2 || n > MAX_RECURRENCES) {
            in.problem(node, "systemic.recurrences", n < 2
                    ? "a failure mode recurs only when it appears on 2 or more retrospectives; " + n + " would make every"
                    + " item systemic" : n + " retrospectives is more than " + MAX_RECURRENCES,
                    "use 2 to " + MAX_RECURRENCES + " (3 is a good start)");
            return null;
        }
        return n;
    }

    private Optional<Grouping> grouping(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "grouping", List.of("cycle", "starts-on", "title", "text"),
                List.of("cycle", "title", "text"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        Integer weeks = null;
        if (e.has("cycle")) {
            Optional<String> text = in.text(e.get("cycle"), "grouping.cycle");
            DaySpans.Parsed<Integer> parsed = text.map(DaySpans::cycleWeeks).orElse(null);
            if (parsed != null && parsed.value().isEmpty()) {
                in.problem(e.get("cycle"), "grouping.cycle", parsed.problem(), parsed.fix());
            }
            weeks = parsed == null ? null : parsed.value().orElse(null);
        }
        DayOfWeek startsOn = e.has("starts-on") ? in.choice(e.get("starts-on"), "grouping.starts-on", CalendarReader.WEEKDAYS)
                .map(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))).orElse(null) : DayOfWeek.MONDAY;
        String title = e.has("title") ? template(e.get("title"), "grouping.title", TemplateVariables.GROUP) : null;
        String text = e.has("text") ? template(e.get("text"), "grouping.text", TemplateVariables.GROUP) : null;
        if (weeks == null || startsOn == null || title == null || text == null) {
            return Optional.empty();
        }
        return Optional.of(new Grouping(weeks, startsOn, new TicketText(title, text)));
    }

    // ---- context and markers -----------------------------------------------------------------

    private ItemContext context(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "context", List.of("servicenow", "jira"), List.of());
        if (map.isEmpty()) {
            return NO_CONTEXT;
        }
        String retrospective = null;
        String changeRecord = null;
        String team = null;
        if (map.get().has("servicenow")) {
            Optional<NodeReader.Entries> sn = in.map(map.get().get("servicenow"), "context.servicenow",
                    List.of("retrospective", "change-record", "team"), List.of());
            if (sn.isPresent()) {
                retrospective = serviceNowField(sn.get(), "retrospective");
                changeRecord = serviceNowField(sn.get(), "change-record");
                team = serviceNowField(sn.get(), "team");
            }
        }
        String retrospectivePrefix = null;
        String changePrefix = null;
        boolean teamFromProject = false;
        if (map.get().has("jira")) {
            Optional<NodeReader.Entries> jira = in.map(map.get().get("jira"), "context.jira",
                    List.of("retrospective-label-prefix", "change-label-prefix", "team"), List.of());
            if (jira.isPresent()) {
                retrospectivePrefix = labelPrefix(jira.get(), "retrospective-label-prefix");
                changePrefix = labelPrefix(jira.get(), "change-label-prefix");
                teamFromProject = jira.get().has("team")
                        && in.choice(jira.get().get("team"), "context.jira.team", List.of("project")).isPresent();
            }
        }
        return new ItemContext(retrospective, changeRecord, team, retrospectivePrefix, changePrefix, teamFromProject);
    }

    private StateMarkers markers(Node node) {
        List<String> keys = List.of("jira-label-prefix", "servicenow-field");
        Optional<NodeReader.Entries> map = in.map(node, "markers", keys, keys);
        if (map.isEmpty()) {
            return DEFAULT_MARKERS;
        }
        String prefix = labelPrefix(map.get(), "jira-label-prefix");
        String field = serviceNowField(map.get(), "servicenow-field");
        if (prefix != null) {
            actionItems.jiraLabelPrefixes().entrySet().stream()
                    .filter(used -> prefix.startsWith(used.getKey()) || used.getKey().startsWith(prefix)).findFirst()
                    .ifPresent(used -> in.problem(map.get().get("jira-label-prefix"), "markers.jira-label-prefix",
                            "escalation labels `" + prefix + "<board id>` would be read as `" + used.getValue() + "`, which "
                                    + ActionItemsDefinition.FILE_NAME + " keeps in labels starting `" + used.getKey() + "`",
                            "use a prefix of its own, e.g. `escalated:`"));
        }
        if (field != null && actionItems.serviceNowFields().containsKey(field)) {
            in.problem(map.get().get("servicenow-field"), "markers.servicenow-field", "`" + field + "` holds `"
                    + actionItems.serviceNowFields().get(field) + "` in " + ActionItemsDefinition.FILE_NAME
                    + ", so the escalation marker would overwrite it and be synced to Jira",
                    "use a field the action-item mapping does not map, e.g. u_escalation");
        }
        return new StateMarkers(prefix == null ? DEFAULT_MARKERS.jiraLabelPrefix() : prefix,
                field == null ? DEFAULT_MARKERS.serviceNowField() : field);
    }

    private String serviceNowField(NodeReader.Entries map, String key) {
        if (!map.has(key)) {
            return null;
        }
        Optional<String> field = in.text(map.get(key), map.pathOf(key));
        if (field.isPresent() && !SERVICENOW_NAME.matcher(field.get()).matches()) {
            in.problem(map.get(key), map.pathOf(key), "`" + field.get() + "` is not a ServiceNow field name",
                    "use the field's system name, e.g. problem or u_escalation");
            return null;
        }
        return field.orElse(null);
    }

    private String labelPrefix(NodeReader.Entries map, String key) {
        if (!map.has(key)) {
            return null;
        }
        Optional<String> prefix = in.text(map.get(key), map.pathOf(key));
        if (prefix.isPresent() && prefix.get().chars().anyMatch(Character::isWhitespace)) {
            in.problem(map.get(key), map.pathOf(key), "label prefix `" + prefix.get() + "` contains a space; Jira labels"
                    + " cannot", "use e.g. `retro:` or `escalated:`");
            return null;
        }
        return prefix.orElse(null);
    }
}
