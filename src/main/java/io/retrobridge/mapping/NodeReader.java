package io.retrobridge.mapping;

import io.retrobridge.domain.ExternalSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reading of one file's YAML nodes that never stops at the first problem: each wrong thing is
 * recorded with its position and the reader carries on, so the admin sees all of them at once.
 * Public for the parsers of the mapping files in sub-packages ({@code mapping.escalation}).
 */
public final class NodeReader {

    /** The keys of one YAML map, with their nodes (for positions). */
    public record Entries(MappingNode node, String path, Map<String, NodeTuple> tuples, boolean clean) {
        public boolean has(String key) {
            return tuples.containsKey(key);
        }

        public Node get(String key) {
            NodeTuple tuple = tuples.get(key);
            return tuple == null ? null : tuple.getValueNode();
        }

        public Node keyNode(String key) {
            return tuples.get(key).getKeyNode();
        }

        public String pathOf(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    private final String file;
    private final List<MappingProblem> problems;

    public NodeReader(String file, List<MappingProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    public String file() {
        return file;
    }

    /** Problems recorded so far (by every reader sharing the list): a parser compares it before and after. */
    public int problemCount() {
        return problems.size();
    }

    public void problem(Node at, String path, String message, String fix) {
        problems.add(new MappingProblem(file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, path,
                message, fix));
    }

    /**
     * A YAML map with only the allowed keys; unknown keys (with a suggestion), repeated keys and missing
     * required keys are reported. Empty when the node is not a map.
     */
    public Optional<Entries> map(Node node, String path, Collection<String> allowed, Collection<String> required) {
        if (!(node instanceof MappingNode mapping)) {
            String expected = allowed == null ? "a map" : "a map of " + String.join(", ", allowed);
            problem(node, path, "expected " + expected + " but found " + describe(node),
                    path.isEmpty() ? "start from the commented default mappings/" + file
                            : "indent the keys under `" + last(path) + ":`");
            return Optional.empty();
        }
        Map<String, NodeTuple> tuples = new LinkedHashMap<>();
        boolean clean = true;
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problem(keyNode, path, "keys must be plain words, found " + describe(keyNode), "use a plain key");
                continue;
            }
            String key = scalarKey.getValue();
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (tuples.containsKey(key)) {
                problem(keyNode, keyPath, "key `" + key + "` appears twice (first at line "
                        + (tuples.get(key).getKeyNode().getStartMark().getLine() + 1) + ")", "keep one of them");
                continue;
            }
            if (allowed != null && !allowed.contains(key)) {
                Optional<String> suggestion = Suggestions.closest(key, allowed);
                problem(keyNode, keyPath, "unknown key `" + key + "`" + suggestion.map(s -> "; did you mean `" + s + "`?")
                        .orElse(""), suggestion.map(s -> "rename it to `" + s + "`")
                        .orElse("allowed keys here: " + String.join(", ", allowed)));
                clean = false;
                continue;
            }
            tuples.put(key, tuple);
        }
        for (String key : required) {
            if (!tuples.containsKey(key)) {
                problem(node, path, "missing `" + key + "`", path.isEmpty() ? "add `" + key + ":` at the top level"
                        : "add `" + key + ":` under `" + last(path) + "`");
            }
        }
        return Optional.of(new Entries(mapping, path, tuples, clean));
    }

    /** A YAML map whose keys are names the caller checks (field names, canonical values). */
    public Optional<Entries> openMap(Node node, String path, Collection<String> required) {
        return map(node, path, null, required);
    }

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})(s|m|h|d)");
    /** An environment as pipelines report it: lower case, so names compare as reported. */
    public static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    /** Records a problem when the file says a {@code version} other than 1, the only one this RetroBridge reads. */
    public void versionOne(Entries file) {
        if (file.has("version")) {
            text(file.get("version"), "version").filter(v -> !v.equals("1")).ifPresent(v -> problem(
                    file.get("version"), "version", "version `" + v + "` is not supported; this RetroBridge reads"
                            + " version 1", "set `version: 1`"));
        }
    }

    /** An environment name in lower case; empty, with the problem recorded, when it is not one. */
    public Optional<String> environment(Node node, String path) {
        Optional<String> value = text(node, path);
        if (value.isPresent() && !ENVIRONMENT.matcher(value.get()).matches()) {
            String lower = value.get().toLowerCase(Locale.ROOT);
            problem(node, path, "environment `" + value.get() + "` is not a lower-case name; environments are"
                    + " compared as pipelines report them, in lower case", ENVIRONMENT.matcher(lower).matches()
                    ? "write `" + lower + "`" : "use letters, digits, `-`, `_` or `.`, e.g. `production`");
            return Optional.empty();
        }
        return value;
    }


    /**
     * A positive duration written as a whole number and a unit ({@code 90s}, {@code 5m}, {@code 1h}, {@code 2d}); null,
     * with the problem recorded, when the node holds something else, and null without a problem when it holds nothing.
     *
     * @param examples examples fit for the setting, for the fix, e.g. "`1h`, `90s` or `5m`"
     */
    public Duration positiveDuration(Node node, String path, String examples) {
        Optional<String> value = text(node, path);
        if (value.isEmpty()) {
            return null;
        }
        Matcher m = DURATION.matcher(value.get());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            problem(node, path, "`" + value.get() + "` is not a positive duration",
                    "write a whole number and a unit, s, m, h or d, e.g. " + examples);
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Lower-case words joined by hyphens: the form of every id a mapping file gives (rules, ladders, metrics). */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * The id at {@code node} when it has the id form and no earlier entry took it ({@code ids} remembers where each
     * was first seen); null, with the problem recorded, otherwise.
     *
     * @param what      what the id names in messages, e.g. {@code rule}
     * @param formFix   the fix for an id not in the form, e.g. an example
     * @param twiceFix  the fix for an id used twice
     */
    public String uniqueId(Node node, String path, Map<String, Node> ids, String what, String formFix,
                           String twiceFix) {
        Optional<String> id = text(node, path);
        if (id.isEmpty()) {
            return null;
        }
        if (!ID.matcher(id.get()).matches()) {
            problem(node, path, what + " id `" + id.get() + "` must be lower-case words joined by hyphens", formFix);
            return null;
        }
        Node first = ids.putIfAbsent(id.get(), node);
        if (first != null) {
            problem(node, path, what + " id `" + id.get() + "` is used twice (first at line " + line(first) + ")",
                    twiceFix);
            return null;
        }
        return id.get();
    }

    /** A non-empty single value. */
    public Optional<String> text(Node node, String path) {
        if (node instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
            String value = scalar.getValue().strip();
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
            problem(node, path, "is empty", "give `" + last(path) + "` a value");
            return Optional.empty();
        }
        problem(node, path, "expected a single value but found " + describe(node), "write one value after `" + last(path) + ":`");
        return Optional.empty();
    }

    /** A single value, or "" when the node is absent or empty (for optional text such as query fragments). */
    public String optionalText(Node node, String path) {
        if (node == null || (node instanceof ScalarNode scalar && (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isBlank()))) {
            return "";
        }
        return text(node, path).orElse("");
    }

    /** A list of nodes; a single value counts as a list of one, as admins often write it. */
    public List<Node> list(Node node, String path) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (node instanceof ScalarNode) {
            return List.of(node);
        }
        problem(node, path, "expected a list but found " + describe(node), "write `[a, b]` or one `- item` per line");
        return List.of();
    }

    /** A list of single values. */
    public List<String> texts(Node node, String path) {
        List<String> values = new ArrayList<>();
        List<Node> items = list(node, path);
        for (int i = 0; i < items.size(); i++) {
            text(items.get(i), path + "[" + i + "]").ifPresent(values::add);
        }
        return values;
    }

    /** One of the allowed words; a wrong one is reported with all allowed words and the nearest. */
    public Optional<String> choice(Node node, String path, List<String> allowed) {
        Optional<String> value = text(node, path);
        if (value.isPresent() && !allowed.contains(value.get())) {
            Optional<String> suggestion = Suggestions.closest(value.get(), allowed);
            problem(node, path, "`" + value.get() + "` is not allowed here; expected one of " + String.join(", ", allowed)
                    + suggestion.map(s -> " (did you mean `" + s + "`?)").orElse(""),
                    "use " + suggestion.orElse(allowed.get(0)));
            return Optional.empty();
        }
        return value;
    }

    public <E extends Enum<E>> Optional<E> enumValue(Node node, String path, Class<E> type) {
        return choice(node, path, YamlName.allOf(type)).flatMap(v -> YamlName.parse(type, v));
    }

    /** One of the systems action items are synced between, written as in mapping files, e.g. {@code jira}. */
    public Optional<ExternalSystem> system(Node node, String path) {
        List<ExternalSystem> systems = List.of(ExternalSystem.values());
        return choice(node, path, systems.stream().map(YamlName::of).toList())
                .flatMap(v -> systems.stream().filter(s -> YamlName.of(s).equals(v)).findFirst());
    }

    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    public static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a map";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return "nothing";
        }
        return "`" + ((ScalarNode) node).getValue() + "`";
    }

    private static String last(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
