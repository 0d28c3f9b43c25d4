package io.retrobridge.mapping;

import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.ReleasePhase;
import io.retrobridge.domain.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Reads {@code classification.release-plan} of {@code action-items.yaml}; every problem goes to the reader's list. */
final class ReleasePlanParser {

    private static final Pattern CUSTOM_FIELD = Pattern.compile("customfield_\\d{1,9}");
    private static final Pattern BOARD_ID = Pattern.compile("[1-9]\\d{0,17}");
    private static final int MAX_VERSION_NAME = 255;

    private final NodeReader in;

    ReleasePlanParser(NodeReader in) {
        this.in = in;
    }

    /** @param ruleIds the classification's rule ids, {@code default} among them */
    ReleasePlan parse(Node node, String path, Set<String> ruleIds) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("rules", "board", "sprint-field"), List.of("rules"));
        if (map.isEmpty()) {
            return ReleasePlan.NONE;
        }
        NodeReader.Entries e = map.get();
        String sprintField = ReleasePlan.DEFAULT_SPRINT_FIELD;
        if (e.has("sprint-field")) {
            Optional<String> field = in.text(e.get("sprint-field"), path + ".sprint-field");
            if (field.isPresent() && !CUSTOM_FIELD.matcher(field.get()).matches()) {
                in.problem(e.get("sprint-field"), path + ".sprint-field", "`" + field.get()
                        + "` is not a Jira custom field id", "write the Sprint field's id, e.g. `"
                        + ReleasePlan.DEFAULT_SPRINT_FIELD + "` (Jira Cloud's; leave the key out to use it)");
            } else {
                sprintField = field.orElse(sprintField);
            }
        }
        Long defaultBoard = e.has("board") ? board(e.get("board"), path + ".board") : null;
        List<ReleasePlan.Rule> rules = new ArrayList<>();
        if (e.has("rules")) {
            List<Node> items = in.list(e.get("rules"), path + ".rules");
            if (items.isEmpty()) {
                in.problem(e.get("rules"), path + ".rules", "no rule listed",
                        "list at least one rule, or remove `release-plan` to plan nothing");
            }
            for (int i = 0; i < items.size(); i++) {
                rule(items.get(i), path + ".rules[" + i + "]", ruleIds, defaultBoard).ifPresent(rules::add);
            }
        }
        return new ReleasePlan(rules, sprintField);
    }

    private Optional<ReleasePlan.Rule> rule(Node node, String path, Set<String> ruleIds, Long defaultBoard) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("when", "fix-version", "sprint", "board"),
                List.of("when"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        Set<Scope> scopes = new LinkedHashSet<>();
        Set<ActionKind> kinds = new LinkedHashSet<>();
        Set<String> phases = new LinkedHashSet<>();
        Set<String> rules = new LinkedHashSet<>();
        boolean conditions = false;
        if (e.has("when")) {
            Optional<NodeReader.Entries> when = in.map(e.get("when"), path + ".when",
                    List.of("scope", "kind", "release-phase", "rule"), List.of());
            if (when.isPresent()) {
                NodeReader.Entries w = when.get();
                conditions = !w.tuples().isEmpty() || !w.clean();
                values(w, "scope", Scope.class, scopes);
                values(w, "kind", ActionKind.class, kinds);
                phases(w, phases);
                ruleIds(w, ruleIds, rules);
                if (w.tuples().isEmpty() && w.clean()) {
                    in.problem(e.get("when"), path + ".when", "the rule has no conditions, so it would plan every item",
                            "add scope, kind, release-phase or rule (e.g. `when: {scope: immediate-fix}`)");
                }
            }
        }
        String fixVersion = e.has("fix-version") ? fixVersion(e.get("fix-version"), path + ".fix-version") : null;
        ReleasePlan.SprintChoice sprint = e.has("sprint")
                ? in.enumValue(e.get("sprint"), path + ".sprint", ReleasePlan.SprintChoice.class).orElse(null) : null;
        Long board = e.has("board") ? board(e.get("board"), path + ".board") : defaultBoard;
        if (!e.has("fix-version") && !e.has("sprint") && e.clean()) {
            in.problem(node, path, "the rule plans nothing",
                    "add `fix-version: next-unreleased` (or a version's name) and/or `sprint: active` or `sprint: next`");
        }
        if (e.has("sprint") && board == null && !e.has("board")) {
            in.problem(e.get("sprint"), path + ".sprint", "a sprint choice needs the board whose sprints are meant",
                    "add `board: <id>` to this rule or to release-plan: the number in the board's address, "
                            + "e.g. 12 for .../jira/software/projects/PAY/boards/12");
        }
        if (!conditions || (fixVersion == null && sprint == null)) {
            return Optional.empty();
        }
        return Optional.of(new ReleasePlan.Rule(scopes, kinds, phases, rules, fixVersion, sprint,
                sprint == null ? null : board));
    }

    private <E extends Enum<E>> void values(NodeReader.Entries when, String key, Class<E> type, Set<E> into) {
        if (when.has(key)) {
            List<Node> items = in.list(when.get(key), when.pathOf(key));
            for (int i = 0; i < items.size(); i++) {
                in.enumValue(items.get(i), when.pathOf(key) + "[" + i + "]", type).ifPresent(into::add);
            }
        }
    }

    private void phases(NodeReader.Entries when, Set<String> into) {
        if (when.has("release-phase")) {
            List<Node> items = in.list(when.get("release-phase"), when.pathOf("release-phase"));
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String itemPath = when.pathOf("release-phase") + "[" + i + "]";
                in.text(item, itemPath).ifPresent(phase -> {
                    if (ReleasePhase.isValid(phase)) {
                        into.add(phase);
                    } else {
                        in.problem(item, itemPath, "release phase `" + phase
                                + "` must be lower-case words joined by hyphens", "e.g. post-release, cutover");
                    }
                });
            }
        }
    }

    private void ruleIds(NodeReader.Entries when, Set<String> known, Set<String> into) {
        if (when.has("rule")) {
            List<Node> items = in.list(when.get("rule"), when.pathOf("rule"));
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String itemPath = when.pathOf("rule") + "[" + i + "]";
                in.text(item, itemPath).ifPresent(id -> {
                    if (known.contains(id)) {
                        into.add(id);
                        return;
                    }
                    Optional<String> suggestion = Suggestions.closest(id, known);
                    in.problem(item, itemPath, "no classification rule has the id `" + id + "`"
                            + suggestion.map(s -> "; did you mean `" + s + "`?").orElse(""),
                            suggestion.map(s -> "write `" + s + "`")
                                    .orElse("use the id of a rule under classification.rules, or `default`"));
                });
            }
        }
    }

    private String fixVersion(Node node, String path) {
        Optional<String> name = in.text(node, path);
        if (name.isPresent() && name.get().length() > MAX_VERSION_NAME) {
            in.problem(node, path, "a Jira version name has at most " + MAX_VERSION_NAME + " characters",
                    "shorten it, or write `" + ReleasePlan.NEXT_UNRELEASED + "`");
            return null;
        }
        return name.orElse(null);
    }

    private Long board(Node node, String path) {
        Optional<String> id = in.text(node, path);
        if (id.isEmpty()) {
            return null;
        }
        if (!BOARD_ID.matcher(id.get()).matches()) {
            in.problem(node, path, "`" + id.get() + "` is not a board id", "write the board's number, e.g. `12`");
            return null;
        }
        return Long.valueOf(id.get());
    }
}
