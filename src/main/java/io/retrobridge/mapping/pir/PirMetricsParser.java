package io.retrobridge.mapping.pir;

import io.retrobridge.mapping.NodeReader;
import io.retrobridge.mapping.pir.PirMetric.Better;
import io.retrobridge.mapping.pir.PirMetric.Degraded;
import io.retrobridge.mapping.pir.PirMetricsMapping.Collect;
import io.retrobridge.mapping.pir.PirMetricsMapping.Destinations;
import io.retrobridge.mapping.pir.PirMetricsMapping.JiraDestination;
import io.retrobridge.mapping.pir.PirMetricsMapping.ServiceNames;
import io.retrobridge.mapping.pir.PirMetricsMapping.ServiceNowDestination;
import io.retrobridge.mapping.pir.PirMetricsMapping.Windows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@link PirMetricsMapping#FILE_NAME}, collecting every problem with its place and a fix, and carrying on, so
 * the admin sees all of them at once.
 */
public final class PirMetricsParser {

    /** The keys a file may have at the top, in the order the shipped file uses them. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("version", "collect", "windows", "services", "metrics",
            "alert-rules", "write");
    public static final Windows DEFAULT_WINDOWS = new Windows(Duration.ofHours(1), Duration.ofHours(1),
            Duration.ofMinutes(1), Duration.ofMinutes(5));
    public static final String DEFAULT_ENVIRONMENT = "production";
    /** Prometheus refuses a range query of more points than this per series. */
    static final int MAX_POINTS = 11_000;

    private static final List<String> METRIC_KEYS = List.of("id", "title", "query", "unit", "better",
            "degraded-when", "covers", "servicenow-field", "jira-field");
    private static final List<String> BOOLEANS = List.of("true", "false");
    private static final Pattern ID = NodeReader.ID;
    private static final Pattern SERVICENOW_FIELD = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern JIRA_FIELD = Pattern.compile("customfield_[0-9]{1,10}|[a-z][a-zA-Z0-9]*");
    private static final Pattern FAILURE_MODE = Pattern.compile("\\S+");

    private final NodeReader in;

    public PirMetricsParser(NodeReader in) {
        this.in = in;
    }

    /** The mapping; empty when the file has problems (they are in the reader's list). */
    public Optional<PirMetricsMapping> parse(Node root) {
        int before = in.problemCount();
        Optional<NodeReader.Entries> top = in.map(root, "", TOP_LEVEL_KEYS, List.of("version", "metrics"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries file = top.get();
        in.versionOne(file);
        Collect collect = file.has("collect") ? collect(file.get("collect"))
                : new Collect(true, Set.of(DEFAULT_ENVIRONMENT));
        Windows windows = file.has("windows") ? windows(file.get("windows")) : DEFAULT_WINDOWS;
        ServiceNames services = file.has("services") ? services(file.get("services"))
                : new ServiceNames(DEFAULT_ENVIRONMENT, Map.of());
        List<PirMetric> metrics = file.has("metrics") ? metrics(file.get("metrics")) : List.of();
        Map<String, List<String>> alertRules = file.has("alert-rules") ? alertRules(file.get("alert-rules")) : Map.of();
        Destinations destinations = file.has("write") ? destinations(file.get("write")) : defaultDestinations();
        if (in.problemCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new PirMetricsMapping(collect, windows, services, metrics, alertRules, destinations));
    }

    // ---- collect -----------------------------------------------------------------------------

    private Collect collect(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "collect", List.of("on-change-review",
                "deployment-environments"), List.of());
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        boolean onReview = !e.has("on-change-review") || bool(e, "on-change-review");
        Set<String> environments = new LinkedHashSet<>();
        if (e.has("deployment-environments")) {
            List<Node> items = in.list(e.get("deployment-environments"), "collect.deployment-environments");
            for (int i = 0; i < items.size(); i++) {
                in.environment(items.get(i), "collect.deployment-environments[" + i + "]").ifPresent(environments::add);
            }
        } else {
            environments.add(DEFAULT_ENVIRONMENT);
        }
        if (!onReview && e.has("deployment-environments") && environments.isEmpty() && e.clean()) {
            in.problem(node, "collect", "collects nothing: neither on a change's review nor after any deployment",
                    "set `on-change-review: true` or list an environment, or delete " + PirMetricsMapping.FILE_NAME
                            + " so no PIR figures are collected");
        }
        return new Collect(onReview, environments);
    }

    private boolean bool(NodeReader.Entries e, String key) {
        return in.choice(e.get(key), e.pathOf(key), BOOLEANS).map(Boolean::parseBoolean).orElse(false);
    }

    // ---- windows -----------------------------------------------------------------------------

    private Windows windows(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "windows", List.of("before", "after", "step", "rate"),
                List.of());
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        Duration before = duration(e, "before", DEFAULT_WINDOWS.before());
        Duration after = duration(e, "after", DEFAULT_WINDOWS.after());
        Duration step = duration(e, "step", DEFAULT_WINDOWS.step());
        Duration rate = duration(e, "rate", DEFAULT_WINDOWS.rate());
        if (before == null || after == null || step == null || rate == null) {
            return null;
        }
        Node stepAt = e.has("step") ? e.get("step") : node;
        Duration shorter = before.compareTo(after) <= 0 ? before : after;
        if (step.compareTo(shorter) >= 0) {
            in.problem(stepAt, "windows.step", "step " + text(step) + " is not smaller than the " + text(shorter)
                    + " window, so the window would hold at most one point", "use a step well below "
                    + text(shorter) + ", e.g. 1m");
        } else if (before.dividedBy(step) > MAX_POINTS || after.dividedBy(step) > MAX_POINTS) {
            in.problem(stepAt, "windows.step", "step " + text(step) + " gives more than " + MAX_POINTS
                    + " points per window, more than Prometheus answers for one query",
                    "use a step of at least " + text(Duration.ofSeconds(
                            Math.max(before.toSeconds(), after.toSeconds()) / MAX_POINTS + 1)));
        }
        return new Windows(before, after, step, rate);
    }

    private Duration duration(NodeReader.Entries e, String key, Duration fallback) {
        if (!e.has(key)) {
            return fallback;
        }
        Node node = e.get(key);
        String path = e.pathOf(key);
        return in.positiveDuration(node, path, "`1h`, `90s` or `5m`");
    }

    private static String text(Duration duration) {
        return PirMetric.promqlDuration(duration);
    }

    // ---- services ----------------------------------------------------------------------------

    private ServiceNames services(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "services", List.of("environment", "names"), List.of());
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        String environment = e.has("environment") ? in.environment(e.get("environment"), "services.environment")
                .orElse(null) : DEFAULT_ENVIRONMENT;
        Map<String, String> names = new LinkedHashMap<>();
        if (e.has("names")) {
            in.openMap(e.get("names"), "services.names", List.of()).ifPresent(n -> {
                for (Map.Entry<String, NodeTuple> entry : n.tuples().entrySet()) {
                    in.text(entry.getValue().getValueNode(), "services.names." + entry.getKey())
                            .ifPresent(service -> names.put(entry.getKey(), service));
                }
            });
        }
        return environment == null ? null : new ServiceNames(environment, names);
    }

    // ---- metrics -----------------------------------------------------------------------------

    private List<PirMetric> metrics(Node node) {
        List<Node> items = in.list(node, "metrics");
        if (items.isEmpty() && node instanceof SequenceNode) {
            in.problem(node, "metrics", "no metric listed", "list at least one metric, or delete "
                    + PirMetricsMapping.FILE_NAME + " so no PIR figures are collected");
        }
        List<PirMetric> metrics = new ArrayList<>();
        Map<String, Node> ids = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            metric(items.get(i), "metrics[" + i + "]", ids).ifPresent(metrics::add);
        }
        return metrics;
    }

    private Optional<PirMetric> metric(Node node, String path, Map<String, Node> ids) {
        Optional<NodeReader.Entries> map = in.map(node, path, METRIC_KEYS, List.of("id", "title", "query", "better"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        String id = e.has("id") ? id(e.get("id"), e.pathOf("id"), ids) : null;
        String title = e.has("title") ? in.text(e.get("title"), e.pathOf("title")).orElse(null) : null;
        String query = e.has("query") ? query(e.get("query"), e.pathOf("query")) : null;
        String unit = e.has("unit") ? in.text(e.get("unit"), e.pathOf("unit")).orElse(null) : "";
        Better better = e.has("better") ? in.choice(e.get("better"), e.pathOf("better"), List.of("lower", "higher"))
                .map(b -> Better.valueOf(b.toUpperCase(Locale.ROOT))).orElse(null) : null;
        Degraded degraded = e.has("degraded-when") ? degraded(e.get("degraded-when"), e.pathOf("degraded-when"))
                : Degraded.NEVER;
        List<String> covers = e.has("covers") ? failureModes(e.get("covers"), e.pathOf("covers")) : List.of();
        String serviceNowField = e.has("servicenow-field") ? field(e, "servicenow-field", SERVICENOW_FIELD,
                "a ServiceNow field's column name, e.g. `u_pir_error_rate`") : null;
        String jiraField = e.has("jira-field") ? field(e, "jira-field", JIRA_FIELD,
                "a Jira field id, `customfield_10091` or a system field such as `environment`") : null;
        if (id == null || title == null || query == null || unit == null || better == null || degraded == null) {
            return Optional.empty();
        }
        return Optional.of(new PirMetric(id, title, query, unit, better, degraded, covers, serviceNowField,
                jiraField));
    }

    private String id(Node node, String path, Map<String, Node> ids) {
        return in.uniqueId(node, path, ids, "metric", "e.g. `error-rate` or `latency-p95`", "give each metric its own id");
    }

    private String query(Node node, String path) {
        Optional<String> query = in.text(node, path);
        if (query.isEmpty()) {
            return null;
        }
        List<QueryTemplateCheck.Flaw> flaws = QueryTemplateCheck.flaws(query.get());
        flaws.forEach(flaw -> in.problem(node, path, flaw.message(), flaw.fix()));
        return flaws.isEmpty() ? query.get() : null;
    }

    private Degraded degraded(Node node, String path) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("above", "below", "worse-by-percent"),
                List.of());
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        if (e.tuples().isEmpty()) {
            if (e.clean()) {
                in.problem(node, path, "says no threshold", "add `above`, `below` or `worse-by-percent`, or remove"
                        + " `degraded-when` to show the metric without judging it");
            }
            return null;
        }
        Double above = number(e, "above");
        Double below = number(e, "below");
        Double worse = number(e, "worse-by-percent");
        if (worse != null && worse <= 0) {
            in.problem(e.get("worse-by-percent"), e.pathOf("worse-by-percent"), "worse-by-percent must be above 0,"
                    + " or every release would be degraded", "e.g. `worse-by-percent: 50`");
            return null;
        }
        if (above != null && below != null && below >= above) {
            in.problem(e.get("below"), e.pathOf("below"), "below " + below + " is not under above " + above
                    + ", so every value would be degraded", "make `below` smaller than `above`");
            return null;
        }
        boolean bad = e.has("above") && above == null || e.has("below") && below == null
                || e.has("worse-by-percent") && worse == null;
        return bad ? null : new Degraded(above, below, worse);
    }

    private Double number(NodeReader.Entries e, String key) {
        if (!e.has(key)) {
            return null;
        }
        Node node = e.get(key);
        Optional<String> value = in.text(node, e.pathOf(key));
        if (value.isEmpty()) {
            return null;
        }
        boolean numeric = node instanceof ScalarNode scalar
                && (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT));
        try {
            double number = Double.parseDouble(value.get().replace("_", ""));
            if (numeric && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        in.problem(node, e.pathOf(key), "`" + value.get() + "` is not a number", "write a plain number such as"
                + " `0.05` or `50`, without quotes or units");
        return null;
    }

    private List<String> failureModes(Node node, String path) {
        Set<String> modes = new LinkedHashSet<>();
        List<Node> items = in.list(node, path);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            in.text(item, itemPath).ifPresent(mode -> {
                if (FAILURE_MODE.matcher(mode).matches()) {
                    modes.add(mode);
                } else {
                    in.problem(item, itemPath, "failure mode `" + mode + "` is not one word; action items tag"
                            + " failure modes as single words", "join the words with hyphens, e.g. `"
                            + mode.strip().replaceAll("\\s+", "-") + "`");
                }
            });
        }
        return List.copyOf(modes);
    }

    private String field(NodeReader.Entries e, String key, Pattern pattern, String expected) {
        Optional<String> field = optional(e.get(key), e.pathOf(key));
        if (field.isPresent() && !pattern.matcher(field.get()).matches()) {
            in.problem(e.get(key), e.pathOf(key), "`" + field.get() + "` is not a field id", "write " + expected);
            return null;
        }
        return field.orElse(null);
    }

    /** A value, or empty when the file writes {@code null} (or nothing) to say there is none. */
    private Optional<String> optional(Node node, String path) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return Optional.empty();
        }
        return in.text(node, path);
    }

    // ---- alert rules -------------------------------------------------------------------------

    private Map<String, List<String>> alertRules(Node node) {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        in.openMap(node, "alert-rules", List.of()).ifPresent(map -> {
            for (Map.Entry<String, NodeTuple> entry : map.tuples().entrySet()) {
                String path = "alert-rules." + entry.getKey();
                Node value = entry.getValue().getValueNode();
                List<String> modes = failureModes(value, path);
                if (value instanceof SequenceNode list && list.getValue().isEmpty()) {
                    in.problem(value, path, "alert `" + entry.getKey() + "` watches no failure mode",
                            "list the failure modes it watches, e.g. `[error-spike]`, or remove it");
                }
                rules.put(entry.getKey(), modes);
            }
        });
        return rules;
    }

    // ---- write -------------------------------------------------------------------------------

    private static Destinations defaultDestinations() {
        return new Destinations(new ServiceNowDestination(true, true, null), new JiraDestination(true, null));
    }

    private Destinations destinations(Node node) {
        Destinations fallback = defaultDestinations();
        Optional<NodeReader.Entries> map = in.map(node, "write", List.of("servicenow", "jira"), List.of());
        if (map.isEmpty()) {
            return fallback;
        }
        NodeReader.Entries e = map.get();
        ServiceNowDestination servicenow = fallback.servicenow();
        if (e.has("servicenow")) {
            servicenow = in.map(e.get("servicenow"), "write.servicenow", List.of("work-note", "close-notes",
                    "summary-field"), List.of()).map(s -> new ServiceNowDestination(
                            !s.has("work-note") || bool(s, "work-note"),
                            !s.has("close-notes") || bool(s, "close-notes"),
                            s.has("summary-field") ? field(s, "summary-field", SERVICENOW_FIELD,
                                    "a ServiceNow field's column name, e.g. `u_pir_summary`") : null))
                    .orElse(servicenow);
        }
        JiraDestination jira = fallback.jira();
        if (e.has("jira")) {
            jira = in.map(e.get("jira"), "write.jira", List.of("comment", "summary-field"), List.of())
                    .map(j -> new JiraDestination(!j.has("comment") || bool(j, "comment"),
                            j.has("summary-field") ? field(j, "summary-field", JIRA_FIELD,
                                    "a Jira field id, e.g. `customfield_10090`") : null))
                    .orElse(jira);
        }
        return new Destinations(servicenow, jira);
    }
}
