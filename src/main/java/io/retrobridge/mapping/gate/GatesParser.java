package io.retrobridge.mapping.gate;

import io.retrobridge.domain.Scope;
import io.retrobridge.mapping.NodeReader;
import io.retrobridge.mapping.Suggestions;
import io.retrobridge.mapping.gate.GateCondition.EscalatedOverdue;
import io.retrobridge.mapping.gate.GateCondition.FailureModeRecurred;
import io.retrobridge.mapping.gate.GateCondition.OpenCorrectiveActions;
import io.retrobridge.mapping.gate.GateCondition.RetrospectiveWithoutActions;
import io.retrobridge.mapping.gate.GateTier.WhenUndecided;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@link GatePolicy#FILE_NAME}, collecting every problem with its place and a fix, and carrying on, so the
 * admin sees all of them at once.
 */
public final class GatesParser {

    /** The keys a file may have at the top, in the order the shipped file uses them. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("version", "default-tier", "applications", "tiers",
            "gates", "waivers", "write");
    public static final String DEFAULT_ENVIRONMENT = "production";
    public static final int DEFAULT_LAST_RETROSPECTIVES = 3;
    /** More would make each evaluation read an application's whole history. */
    static final int MAX_LAST_RETROSPECTIVES = 100;

    private static final List<String> TIER_KEYS = List.of("environments", "mode", "when-undecided", "rules");
    private static final List<String> RULE_KEYS = List.of("id", "when", "scope", "last-retrospectives", "older-than",
            "effect");
    private static final List<String> WAIVER_KEYS = List.of("id", "application", "rule", "who", "why", "until");
    /** The settings each condition reads; any other is a mistake worth naming. */
    private static final Map<String, List<String>> SETTINGS = Map.of(
            OpenCorrectiveActions.NAME, List.of("scope", "last-retrospectives"),
            EscalatedOverdue.NAME, List.of(),
            RetrospectiveWithoutActions.NAME, List.of("older-than", "last-retrospectives"),
            FailureModeRecurred.NAME, List.of("last-retrospectives"));
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** What a deployment's application can be (the deployment API's rule); another name would never match. */
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");
    private static final List<String> BOOLEANS = List.of("true", "false");
    /** A column of the change request itself, as the Table API writes it (no dot-walking, 80 characters at most). */
    private static final Pattern COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,79}");
    /** Columns the gate must not overwrite: the journal fields take entries, not a value, and sys_ ones are the system's. */
    private static final Set<String> JOURNAL_FIELDS = Set.of("work_notes", "comments", "work_notes_list");

    private final NodeReader in;
    /** Where each rule id was first seen, across tiers: ids are unique in the file. */
    private final Map<String, Node> ruleIds = new HashMap<>();
    /** The tier each well-formed rule belongs to, for checking waivers. */
    private final Map<String, String> tierOfRule = new HashMap<>();
    /** Every tier named under {@code tiers}, even one with problems, so references to it are not reported twice. */
    private final Set<String> tierNames = new LinkedHashSet<>();
    /** False when {@code tiers} is missing or not a map: references to tiers are then left unchecked. */
    private boolean tiersReadable;
    /** Every application named under {@code applications}, even one with problems, for the same reason. */
    private final Set<String> listedApplications = new LinkedHashSet<>();

    public GatesParser(NodeReader in) {
        this.in = in;
    }

    /** The policy; empty when the file has problems (they are in the reader's list). */
    public Optional<GatePolicy> parse(Node root) {
        int before = in.problemCount();
        Optional<NodeReader.Entries> top = in.map(root, "", TOP_LEVEL_KEYS, List.of("version", "default-tier",
                "tiers", "gates"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries file = top.get();
        in.versionOne(file);
        Map<String, GateTier> tiers = file.has("tiers") ? tiers(file.get("tiers")) : Map.of();
        String defaultTier = file.has("default-tier") ? tierName(file.get("default-tier"), "default-tier") : null;
        Map<String, String> applications = file.has("applications") ? applications(file.get("applications"))
                : Map.of();
        Map<String, Gate> gates = file.has("gates") ? gates(file.get("gates")) : Map.of();
        List<Waiver> waivers = file.has("waivers")
                ? waivers(file.get("waivers"), defaultTier, applications) : List.of();
        GateWrite write = file.has("write") ? write(file.get("write")) : GateWrite.NONE;
        if (in.problemCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new GatePolicy(defaultTier, applications, tiers, gates, waivers, write));
    }

    // ---- tiers -------------------------------------------------------------------------------

    private Map<String, GateTier> tiers(Node node) {
        Map<String, GateTier> tiers = new LinkedHashMap<>();
        Optional<NodeReader.Entries> map = in.openMap(node, "tiers", List.of());
        if (map.isEmpty()) {
            return tiers;
        }
        tiersReadable = true;
        if (map.get().tuples().isEmpty()) {
            in.problem(node, "tiers", "no tier defined", "define at least one tier, e.g. `standard:` with its rules");
            return tiers;
        }
        for (Map.Entry<String, NodeTuple> entry : map.get().tuples().entrySet()) {
            String name = entry.getKey();
            String path = "tiers." + name;
            tierNames.add(name);
            if (!name(entry.getValue().getKeyNode(), path, name, "tier", "e.g. `high` or `business-critical`")) {
                continue;
            }
            tier(name, entry.getValue().getValueNode(), path).ifPresent(tier -> tiers.put(name, tier));
        }
        return tiers;
    }

    private Optional<GateTier> tier(String name, Node node, String path) {
        Optional<NodeReader.Entries> map = in.map(node, path, TIER_KEYS, List.of("when-undecided"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        int before = in.problemCount();
        Set<String> environments = e.has("environments") ? environments(e.get("environments"),
                e.pathOf("environments")) : Set.of(DEFAULT_ENVIRONMENT);
        GateMode mode = e.has("mode") ? in.enumValue(e.get("mode"), e.pathOf("mode"), GateMode.class).orElse(null)
                : GateMode.ENFORCE;
        WhenUndecided whenUndecided = e.has("when-undecided") ? in.enumValue(e.get("when-undecided"),
                e.pathOf("when-undecided"), WhenUndecided.class).orElse(null) : null;
        List<GateRule> rules = new ArrayList<>();
        if (e.has("rules")) {
            List<Node> items = in.list(e.get("rules"), e.pathOf("rules"));
            for (int i = 0; i < items.size(); i++) {
                rule(items.get(i), e.pathOf("rules") + "[" + i + "]").ifPresent(rule -> {
                    tierOfRule.put(rule.id(), name);
                    rules.add(rule);
                });
            }
        }
        if (in.problemCount() > before || mode == null || whenUndecided == null) {
            return Optional.empty();
        }
        return Optional.of(new GateTier(name, environments, mode, whenUndecided, rules));
    }

    private Set<String> environments(Node node, String path) {
        Set<String> environments = new LinkedHashSet<>();
        List<Node> items = in.list(node, path);
        if (items.isEmpty() && node instanceof SequenceNode) {
            in.problem(node, path, "no environment listed, so the tier's rules would apply nowhere",
                    "list the environments the rules guard, e.g. `[production]`, or set `mode: off`");
        }
        for (int i = 0; i < items.size(); i++) {
            in.environment(items.get(i), path + "[" + i + "]").ifPresent(environments::add);
        }
        return environments;
    }

    // ---- rules -------------------------------------------------------------------------------

    private Optional<GateRule> rule(Node node, String path) {
        Optional<NodeReader.Entries> map = in.map(node, path, RULE_KEYS, List.of("id", "when", "effect"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        int before = in.problemCount();
        String id = e.has("id") ? in.uniqueId(e.get("id"), e.pathOf("id"), ruleIds, "rule",
                "e.g. `open-immediate-fixes`", "give each rule its own id; waivers and answers name rules by it")
                : null;
        Optional<String> when = e.has("when") ? in.choice(e.get("when"), e.pathOf("when"), GateCondition.NAMES)
                : Optional.empty();
        GateRule.Effect effect = e.has("effect") ? in.enumValue(e.get("effect"), e.pathOf("effect"),
                GateRule.Effect.class).orElse(null) : null;
        GateCondition condition = when.map(name -> condition(name, node, e)).orElse(null);
        if (in.problemCount() > before || id == null || condition == null || effect == null) {
            return Optional.empty();
        }
        return Optional.of(new GateRule(id, condition, effect));
    }

    private GateCondition condition(String name, Node node, NodeReader.Entries e) {
        List<String> settings = SETTINGS.get(name);
        boolean misplaced = false;
        for (String key : List.of("scope", "last-retrospectives", "older-than")) {
            if (e.has(key) && !settings.contains(key)) {
                in.problem(e.keyNode(key), e.pathOf(key), "`" + key + "` does not apply to `" + name + "`",
                        settings.isEmpty() ? "remove it; `" + name + "` takes no settings"
                                : "remove it; `" + name + "` reads " + String.join(" and ", settings));
                misplaced = true;
            }
        }
        Integer last = e.has("last-retrospectives") && settings.contains("last-retrospectives")
                ? count(e.get("last-retrospectives"), e.pathOf("last-retrospectives"))
                : Integer.valueOf(DEFAULT_LAST_RETROSPECTIVES);
        if (misplaced || last == null) {
            return null;
        }
        return switch (name) {
            case OpenCorrectiveActions.NAME -> {
                Set<Scope> scopes = e.has("scope") ? scopes(e.get("scope"), e.pathOf("scope"))
                        : EnumSet.of(Scope.IMMEDIATE_FIX);
                yield scopes.isEmpty() ? null : new OpenCorrectiveActions(scopes, last);
            }
            case EscalatedOverdue.NAME -> new EscalatedOverdue();
            case RetrospectiveWithoutActions.NAME -> {
                if (!e.has("older-than")) {
                    in.problem(node, e.path(), "missing `older-than`: how long a retrospective may stay without"
                            + " actions", "add `older-than:` under the rule, e.g. `older-than: 2d`");
                    yield null;
                }
                Duration olderThan = duration(e.get("older-than"), e.pathOf("older-than"));
                yield olderThan == null ? null : new RetrospectiveWithoutActions(olderThan, last);
            }
            default -> {
                if (last < 2) {
                    in.problem(e.get("last-retrospectives"), e.pathOf("last-retrospectives"), "a failure mode"
                            + " cannot recur within " + last + " retrospective", "look at 2 or more, e.g. `"
                            + DEFAULT_LAST_RETROSPECTIVES + "`");
                    yield null;
                }
                yield new FailureModeRecurred(last);
            }
        };
    }

    private Set<Scope> scopes(Node node, String path) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        List<Node> items = in.list(node, path);
        if (items.isEmpty() && node instanceof SequenceNode) {
            in.problem(node, path, "no scope listed, so no action item would count", "list scopes, e.g."
                    + " `[immediate-fix]`, or leave `scope` out for immediate fixes only");
        }
        for (int i = 0; i < items.size(); i++) {
            in.enumValue(items.get(i), path + "[" + i + "]", Scope.class).ifPresent(scopes::add);
        }
        return scopes;
    }

    private Integer count(Node node, String path) {
        Optional<String> value = in.text(node, path);
        if (value.isEmpty()) {
            return null;
        }
        if (!COUNT.matcher(value.get()).matches() || Integer.parseInt(value.get()) < 1
                || Integer.parseInt(value.get()) > MAX_LAST_RETROSPECTIVES) {
            in.problem(node, path, "`" + value.get() + "` is not a number of retrospectives from 1 to "
                    + MAX_LAST_RETROSPECTIVES, "write a whole number, e.g. `" + DEFAULT_LAST_RETROSPECTIVES + "`");
            return null;
        }
        return Integer.parseInt(value.get());
    }

    private Duration duration(Node node, String path) {
        return in.positiveDuration(node, path, "`2d`, `12h` or `90m`");
    }

    // ---- applications and the default tier ---------------------------------------------------

    /** A reference to a tier under {@code tiers}; null, with the problem recorded, when there is none. */
    private String tierName(Node node, String path) {
        Optional<String> name = in.text(node, path);
        if (name.isEmpty()) {
            return null;
        }
        if (tiersReadable && !tierNames.contains(name.get())) {
            Optional<String> suggestion = Suggestions.closest(name.get(), tierNames);
            in.problem(node, path, "tier `" + name.get() + "` is not defined under `tiers`" + suggestion.map(s ->
                    "; did you mean `" + s + "`?").orElse(""), suggestion.map(s -> "write `" + s + "`").orElse(
                    tierNames.isEmpty() ? "define it under `tiers`" : "use one of: " + String.join(", ", tierNames)
                            + ", or define it under `tiers`"));
            return null;
        }
        return name.get();
    }

    private Map<String, String> applications(Node node) {
        Map<String, String> applications = new LinkedHashMap<>();
        in.openMap(node, "applications", List.of()).ifPresent(map -> {
            for (Map.Entry<String, NodeTuple> entry : map.tuples().entrySet()) {
                String path = "applications." + entry.getKey();
                listedApplications.add(entry.getKey());
                boolean named = application(entry.getValue().getKeyNode(), path, entry.getKey());
                String tier = tierName(entry.getValue().getValueNode(), path);
                if (named && tier != null) {
                    applications.put(entry.getKey(), tier);
                }
            }
        });
        return applications;
    }

    private boolean application(Node node, String path, String name) {
        if (APPLICATION.matcher(name).matches()) {
            return true;
        }
        in.problem(node, path, "application `" + name + "` is not a name a deployment can carry, so it would never"
                + " match", "write it as pipelines report it: letters, digits and . _ - /, e.g. `"
                + name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._/-]+", "-") + "`");
        return false;
    }

    // ---- gates -------------------------------------------------------------------------------

    private Map<String, Gate> gates(Node node) {
        Map<String, Gate> gates = new LinkedHashMap<>();
        Optional<NodeReader.Entries> map = in.openMap(node, "gates", List.of());
        if (map.isEmpty()) {
            return gates;
        }
        if (map.get().tuples().isEmpty()) {
            in.problem(node, "gates", "no gate defined, so pipelines have nothing to call", "name at least one,"
                    + " e.g. `prod: {mode: enforce}`");
            return gates;
        }
        for (Map.Entry<String, NodeTuple> entry : map.get().tuples().entrySet()) {
            String name = entry.getKey();
            String path = "gates." + name;
            if (!name(entry.getValue().getKeyNode(), path, name, "gate", "e.g. `prod` or `eu-canary`; pipelines"
                    + " call it in the URL")) {
                continue;
            }
            if (Gate.RESERVED_NAMES.contains(name)) {
                in.problem(entry.getValue().getKeyNode(), path, "`" + name + "` cannot name a gate: /api/gates/" + name
                        + "/ is where the service serves " + ("hooks".equals(name) ? "the callers' hooks"
                        : "answers read again"), "name the gate otherwise, e.g. `prod`");
                continue;
            }
            in.map(entry.getValue().getValueNode(), path, List.of("mode"), List.of("mode"))
                    .filter(e -> e.has("mode"))
                    .flatMap(e -> in.enumValue(e.get("mode"), e.pathOf("mode"), GateMode.class))
                    .ifPresent(mode -> gates.put(name, new Gate(name, mode)));
        }
        return gates;
    }

    /** Whether a tier or gate name has the id form; reported at the key when not. */
    private boolean name(Node keyNode, String path, String name, String what, String example) {
        if (NodeReader.ID.matcher(name).matches()) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        in.problem(keyNode, path, what + " name `" + name + "` must be lower-case words joined by hyphens",
                NodeReader.ID.matcher(lower).matches() ? "write `" + lower + "`" : example);
        return false;
    }

    // ---- waivers -----------------------------------------------------------------------------

    private List<Waiver> waivers(Node node, String defaultTier, Map<String, String> applications) {
        List<Waiver> waivers = new ArrayList<>();
        Map<String, Node> ids = new HashMap<>();
        List<Node> items = in.list(node, "waivers");
        for (int i = 0; i < items.size(); i++) {
            waiver(items.get(i), "waivers[" + i + "]", ids, defaultTier, applications).ifPresent(waivers::add);
        }
        return waivers;
    }

    private Optional<Waiver> waiver(Node node, String path, Map<String, Node> ids, String defaultTier,
                                    Map<String, String> applications) {
        Optional<NodeReader.Entries> map = in.map(node, path, WAIVER_KEYS, WAIVER_KEYS);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        String id = e.has("id") ? in.uniqueId(e.get("id"), e.pathOf("id"), ids, "waiver",
                "e.g. `pg-ledger-fix-ships-with-4-3`", "give each waiver its own id") : null;
        String application = e.has("application") ? in.text(e.get("application"), e.pathOf("application"))
                .filter(name -> application(e.get("application"), e.pathOf("application"), name)).orElse(null)
                : null;
        String rule = e.has("rule") ? waivedRule(e, application, defaultTier, applications) : null;
        String who = e.has("who") ? email(e.get("who"), e.pathOf("who")) : null;
        String why = e.has("why") ? in.text(e.get("why"), e.pathOf("why")).orElse(null) : null;
        Instant until = e.has("until") ? instant(e.get("until"), e.pathOf("until")) : null;
        if (id == null || application == null || rule == null || who == null || why == null || until == null) {
            return Optional.empty();
        }
        return Optional.of(new Waiver(id, application, rule, who, why, until));
    }

    /** The waived rule's id when it exists and belongs to the application's tier, where a waiver can matter. */
    private String waivedRule(NodeReader.Entries e, String application, String defaultTier,
                              Map<String, String> applications) {
        Node node = e.get("rule");
        String path = e.pathOf("rule");
        Optional<String> rule = in.text(node, path);
        if (rule.isEmpty()) {
            return null;
        }
        if (!ruleIds.containsKey(rule.get())) {
            Optional<String> suggestion = Suggestions.closest(rule.get(), ruleIds.keySet());
            in.problem(node, path, "rule `" + rule.get() + "` is not defined in any tier" + suggestion.map(s ->
                    "; did you mean `" + s + "`?").orElse(""), suggestion.map(s -> "write `" + s + "`")
                    .orElse("name the id of a rule under `tiers`"));
            return null;
        }
        String ruleTier = tierOfRule.get(rule.get());
        // An application whose own line has a problem has no tier to compare with; that problem is reported.
        String applicationTier = application == null || (listedApplications.contains(application)
                && !applications.containsKey(application)) ? null : applications.getOrDefault(application, defaultTier);
        if (ruleTier != null && applicationTier != null && !ruleTier.equals(applicationTier)) {
            in.problem(node, path, "rule `" + rule.get() + "` is in tier `" + ruleTier + "` but `" + application
                    + "` is in tier `" + applicationTier + "`" + (applications.containsKey(application) ? ""
                    : " (the default: `applications` does not list it)") + ", so the waiver would never apply",
                    "waive a rule of tier `" + applicationTier + "`, or check the application's name");
            return null;
        }
        return rule.get();
    }

    private String email(Node node, String path) {
        Optional<String> email = in.text(node, path);
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            in.problem(node, path, "`" + email.get() + "` is not an e-mail address; a waiver names who signed it"
                    + " off", "write their e-mail, e.g. `jane.doe@example.com`");
            return null;
        }
        return email.orElse(null);
    }

    private Instant instant(Node node, String path) {
        Optional<String> value = in.text(node, path);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.get()).toInstant();
        } catch (DateTimeParseException e) {
            in.problem(node, path, "`" + value.get() + "` is not an instant with its time zone",
                    "write date, time and zone, e.g. `2026-12-31T18:00:00Z`");
            return null;
        }
    }

    // ---- write -------------------------------------------------------------------------------

    private GateWrite write(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "write", List.of("servicenow"), List.of());
        if (map.isEmpty() || !map.get().has("servicenow")) {
            return GateWrite.NONE;
        }
        Node servicenow = map.get().get("servicenow");
        Optional<NodeReader.Entries> to = in.map(servicenow, "write.servicenow", List.of("work-note",
                "decision-field"), List.of());
        if (to.isEmpty()) {
            return GateWrite.NONE;
        }
        NodeReader.Entries e = to.get();
        int before = in.problemCount();
        boolean workNote = !e.has("work-note") || in.choice(e.get("work-note"), e.pathOf("work-note"), BOOLEANS)
                .map(Boolean::parseBoolean).orElse(false);
        String field = e.has("decision-field") ? decisionField(e.get("decision-field"), e.pathOf("decision-field"))
                : null;
        if (in.problemCount() > before) {
            return GateWrite.NONE;
        }
        if (!workNote && field == null) {
            in.problem(servicenow, "write.servicenow", "writes nothing on the change: no work note and no"
                    + " decision field", "set `work-note: true`, name a `decision-field` such as `u_release_gate`,"
                    + " or remove `servicenow:`");
            return GateWrite.NONE;
        }
        return new GateWrite(new GateWrite.ServiceNow(workNote, field));
    }

    /** A column of change_request the decision may be written to; null for none or when it has a problem. */
    private String decisionField(Node node, String path) {
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return null;
        }
        Optional<String> field = in.text(node, path);
        if (field.isEmpty()) {
            return null;
        }
        String name = field.get();
        if (!COLUMN.matcher(name).matches()) {
            String lower = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
            in.problem(node, path, "`" + name + "` is not a ServiceNow column name", COLUMN.matcher(lower)
                    .matches() ? "write the column's name, e.g. `" + lower + "`" : "write the column's name as the"
                    + " dictionary lists it, e.g. `u_release_gate`");
            return null;
        }
        if (JOURNAL_FIELDS.contains(name) || name.startsWith("sys_")) {
            in.problem(node, path, "`" + name + "` is " + (name.startsWith("sys_") ? "a system column ServiceNow"
                    + " keeps itself" : "a journal field, which takes entries rather than a value"),
                    "name a column of your own, e.g. `u_release_gate`" + (name.startsWith("sys_") ? ""
                            : ", and keep `work-note: true` for the work note"));
            return null;
        }
        return name;
    }
}
