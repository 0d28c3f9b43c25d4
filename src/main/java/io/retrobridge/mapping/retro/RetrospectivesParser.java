package io.retrobridge.mapping.retro;

import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.mapping.CalendarReader;
import io.retrobridge.mapping.NodeReader;
import io.retrobridge.mapping.Suggestions;
import io.retrobridge.mapping.retro.RuleMatch.DeploymentOutcome;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads {@link RetrospectivesMapping#FILE_NAME}, collecting every problem with its place and a fix, and carrying on,
 * so the admin sees all of them at once.
 */
public final class RetrospectivesParser {

    /** The keys a file may have at the top, in the order the shipped file uses them. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("version", "calendar", "records", "tiers", "rules",
            "programs");
    public static final String DEFAULT_ISSUE_TYPE = "Task";
    public static final String DEFAULT_LABEL = "retrospective";
    public static final String DEFAULT_SERVICENOW_TABLE = "problem";
    public static final String DEFAULT_CHANGE_FIELD = "rfc";
    public static final String DEFAULT_ENVIRONMENT = "production";

    static final List<String> CHANGE_TYPES = List.of("normal", "standard", "emergency");
    static final List<String> OUTCOMES = List.of("succeeded", "failed", "aborted", "rolled-back");
    static final String DUE_FORMS = "`N day(s)` (calendar days) or `N business day(s)` (working days of `calendar`),"
            + " N from 1 to " + DueInText.MAX_DAYS + ", e.g. `5 business days`";
    static final String WITHIN_FORMS = "`N day(s)` or `N week(s)`, from 1 day to " + DueInText.MAX_DAYS
            + " days, e.g. `30 days`";

    private static final List<String> CHANGE_KEYS = List.of("change-type", "close-code", "major-incident");
    private static final List<String> DEPLOYMENT_KEYS = List.of("deployment", "environment");
    private static final List<String> WHEN_KEYS = List.of("change-type", "close-code", "major-incident", "deployment",
            "environment");
    private static final List<String> BOOLEANS = List.of("true", "false");
    private static final Pattern ID = NodeReader.ID;
    private static final Pattern JIRA_PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");
    private static final Pattern SERVICENOW_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern ENVIRONMENT = NodeReader.ENVIRONMENT;
    private static final int MAX_FAILURES = 100;

    private final NodeReader in;
    /** Every tier id the file defines, valid or not, so a broken tier is not reported again as unknown. */
    private final Set<String> tierIds = new LinkedHashSet<>();

    public RetrospectivesParser(NodeReader in) {
        this.in = in;
    }

    /** The mapping; empty when the file has problems (they are in the reader's list). */
    public Optional<RetrospectivesMapping> parse(Node root) {
        int before = in.problemCount();
        Optional<NodeReader.Entries> top = in.map(root, "", TOP_LEVEL_KEYS, List.of("version", "records", "tiers",
                "rules"));
        if (top.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries file = top.get();
        in.versionOne(file);
        WorkCalendar calendar = file.has("calendar") ? new CalendarReader(in).read(file.get("calendar"),
                false, "the zone in which a release's end becomes a date") : WorkCalendar.standard();
        RetrospectiveRecords records = file.has("records") ? records(file.get("records")) : null;
        Map<String, Tier> tiers = file.has("tiers") ? tiers(file.get("tiers")) : Map.of();
        List<InclusionRule> rules = file.has("rules") ? rules(file.get("rules")) : List.of();
        Map<String, Program> programs = file.has("programs") ? programs(file.get("programs")) : Map.of();
        if (in.problemCount() > before || records == null) {
            return Optional.empty();
        }
        return Optional.of(new RetrospectivesMapping(records, rules, tiers, programs, calendar));
    }

    // ---- records -----------------------------------------------------------------------------

    private RetrospectiveRecords records(Node node) {
        Optional<NodeReader.Entries> map = in.map(node, "records", List.of("jira", "servicenow"), List.of("jira"));
        if (map.isEmpty()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        String project = null;
        String issueType = DEFAULT_ISSUE_TYPE;
        String label = DEFAULT_LABEL;
        if (e.has("jira")) {
            Optional<NodeReader.Entries> jira = in.map(e.get("jira"), "records.jira",
                    List.of("project", "issue-type", "label"), List.of("project"));
            if (jira.isPresent()) {
                NodeReader.Entries j = jira.get();
                project = j.has("project") ? in.text(j.get("project"), "records.jira.project").orElse(null) : null;
                if (project != null && !JIRA_PROJECT.matcher(project).matches()) {
                    in.problem(j.get("project"), "records.jira.project", "`" + project + "` is not a Jira project key",
                            "use the key in capitals, e.g. PAY (2-10 letters, digits or _)");
                    project = null;
                }
                issueType = j.has("issue-type") ? in.text(j.get("issue-type"), "records.jira.issue-type")
                        .orElse(null) : DEFAULT_ISSUE_TYPE;
                label = j.has("label") ? label(j.get("label")) : DEFAULT_LABEL;
            }
        }
        String table = DEFAULT_SERVICENOW_TABLE;
        String changeField = DEFAULT_CHANGE_FIELD;
        if (e.has("servicenow")) {
            Optional<NodeReader.Entries> sn = in.map(e.get("servicenow"), "records.servicenow",
                    List.of("table", "change-field"), List.of());
            if (sn.isPresent()) {
                table = serviceNowName(sn.get(), "table", DEFAULT_SERVICENOW_TABLE, "e.g. problem");
                changeField = serviceNowName(sn.get(), "change-field", DEFAULT_CHANGE_FIELD, "e.g. rfc");
            }
        }
        if (project == null || issueType == null || label == null || table == null || changeField == null) {
            return null;
        }
        return new RetrospectiveRecords(project, issueType, label, table, changeField);
    }

    private String label(Node node) {
        Optional<String> label = in.text(node, "records.jira.label");
        if (label.isPresent() && label.get().chars().anyMatch(Character::isWhitespace)) {
            in.problem(node, "records.jira.label", "Jira label `" + label.get() + "` contains a space; Jira labels"
                    + " cannot", "join the words with hyphens, e.g. " + label.get().strip().replaceAll("\\s+", "-"));
            return null;
        }
        return label.orElse(null);
    }

    private String serviceNowName(NodeReader.Entries map, String key, String fallback, String example) {
        if (!map.has(key)) {
            return fallback;
        }
        Optional<String> name = in.text(map.get(key), map.pathOf(key));
        if (name.isPresent() && !SERVICENOW_NAME.matcher(name.get()).matches()) {
            in.problem(map.get(key), map.pathOf(key), "`" + name.get() + "` is not a ServiceNow "
                    + (key.equals("table") ? "table" : "field") + " name", "use its system name, " + example);
            return null;
        }
        return name.orElse(null);
    }

    // ---- tiers -------------------------------------------------------------------------------

    private Map<String, Tier> tiers(Node node) {
        Map<String, Tier> tiers = new LinkedHashMap<>();
        Optional<NodeReader.Entries> map = in.openMap(node, "tiers", List.of());
        if (map.isEmpty()) {
            return tiers;
        }
        if (map.get().tuples().isEmpty()) {
            in.problem(node, "tiers", "no tier defined", "define at least one, e.g. `lightweight: {mandatory: [summary,"
                    + " timeline, action-items]}`");
        }
        for (Map.Entry<String, NodeTuple> entry : map.get().tuples().entrySet()) {
            String id = entry.getKey();
            tierIds.add(id);
            if (!ID.matcher(id).matches()) {
                in.problem(entry.getValue().getKeyNode(), "tiers." + id, "tier id `" + id + "` must be lower-case"
                        + " words joined by hyphens", "e.g. `lightweight` or `deep-dive`");
                continue;
            }
            tier(id, entry.getValue().getValueNode()).ifPresent(tier -> tiers.put(id, tier));
        }
        return tiers;
    }

    private Optional<Tier> tier(String id, Node node) {
        String path = "tiers." + id;
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("mandatory", "optional"), List.of("mandatory"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        Map<String, Node> seen = new HashMap<>();
        List<String> mandatory = e.has("mandatory") ? sections(e.get("mandatory"), path + ".mandatory", seen) : null;
        List<String> optional = e.has("optional") ? sections(e.get("optional"), path + ".optional", seen) : List.of();
        if (mandatory != null && mandatory.isEmpty() && e.has("mandatory")) {
            in.problem(e.get("mandatory"), path + ".mandatory", "a tier needs at least one mandatory section",
                    "list the sections every " + id + " retrospective must fill in, e.g. [summary, action-items]");
            return Optional.empty();
        }
        return mandatory == null || optional == null ? Optional.empty()
                : Optional.of(new Tier(id, mandatory, optional));
    }

    private List<String> sections(Node node, String path, Map<String, Node> seen) {
        List<Node> items = in.list(node, path);
        List<String> sections = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemPath = path + "[" + i + "]";
            Optional<String> name = in.text(item, itemPath);
            if (name.isEmpty()) {
                continue;
            }
            if (!ID.matcher(name.get()).matches()) {
                in.problem(item, itemPath, "section `" + name.get() + "` must be lower-case words joined by hyphens",
                        "e.g. `root-cause`; the template shows it as a heading");
            } else if (seen.containsKey(name.get())) {
                in.problem(item, itemPath, "section `" + name.get() + "` is listed twice in this tier (first at line "
                        + NodeReader.line(seen.get(name.get())) + ")", "keep it once, as mandatory or optional");
            } else {
                seen.put(name.get(), item);
                sections.add(name.get());
            }
        }
        return sections;
    }

    /** The id of a tier the file defines. */
    private Optional<String> tierRef(Node node, String path) {
        Optional<String> id = in.text(node, path);
        if (id.isEmpty() || tierIds.contains(id.get())) {
            return id;
        }
        Optional<String> suggestion = Suggestions.closest(id.get(), tierIds);
        in.problem(node, path, "unknown tier `" + id.get() + "`" + suggestion.map(s -> "; did you mean `" + s + "`?")
                .orElse(""), tierIds.isEmpty() ? "define it under `tiers:`"
                : "use one of the tiers defined under `tiers:`: " + String.join(", ", tierIds));
        return Optional.empty();
    }

    // ---- rules -------------------------------------------------------------------------------

    private List<InclusionRule> rules(Node node) {
        List<Node> items = in.list(node, "rules");
        if (items.isEmpty()) {
            in.problem(node, "rules", "no rule listed", "list at least one rule, or delete "
                    + RetrospectivesMapping.FILE_NAME + " so no retrospective opens by itself");
        }
        List<InclusionRule> rules = new ArrayList<>();
        Map<String, Node> ids = new HashMap<>();
        Map<RuleMatch, String> matches = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "rules[" + i + "]";
            Node item = items.get(i);
            rule(item, path, ids).ifPresent(rule -> {
                String earlier = matches.putIfAbsent(rule.when(), rule.id());
                if (earlier != null) {
                    in.problem(item, path, "rule `" + rule.id() + "` matches exactly what rule `" + earlier
                            + "` matches, so it is never chosen (a release takes the first rule that matches)",
                            "change its `when`, or remove it");
                } else {
                    rules.add(rule);
                }
            });
        }
        return rules;
    }

    private Optional<InclusionRule> rule(Node node, String path, Map<String, Node> ids) {
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("id", "when", "retrospective", "tier", "due",
                "failed-release"), List.of("id", "when"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        String id = e.has("id") ? id(e.get("id"), path + ".id", ids) : null;
        RuleMatch when = e.has("when") ? when(e.get("when"), path + ".when") : null;
        if (e.has("retrospective")) {
            boolean none = in.choice(e.get("retrospective"), path + ".retrospective", List.of("none")).isPresent();
            for (String key : List.of("tier", "due", "failed-release")) {
                if (e.has(key)) {
                    in.problem(e.keyNode(key), path + "." + key, "`" + key + "` has no meaning in a rule that says"
                            + " `retrospective: none`", "remove `" + key + "`, or remove `retrospective: none` to"
                            + " open retrospectives");
                    return Optional.empty();
                }
            }
            return id == null || when == null || !none ? Optional.empty()
                    : Optional.of(new InclusionRule(id, when, Optional.empty(), null, false));
        }
        if (!e.has("tier") && e.clean()) {
            in.problem(node, path, "a rule needs a `tier`, or `retrospective: none` for releases that need none",
                    "add `tier: <one of " + String.join(", ", tierIds) + ">` and `due:`");
        }
        if (!e.has("due") && e.clean()) {
            in.problem(node, path, "a rule that opens retrospectives needs `due`", "add e.g. `due: 5 business days`"
                    + " (counted from the change's closure or the deployment's end)");
        }
        String tier = e.has("tier") ? tierRef(e.get("tier"), path + ".tier").orElse(null) : null;
        DueIn due = e.has("due") ? due(e.get("due"), path + ".due") : null;
        Boolean failed = e.has("failed-release") ? in.choice(e.get("failed-release"), path + ".failed-release",
                BOOLEANS).map(Boolean::parseBoolean).orElse(null) : Boolean.TRUE;
        if (id == null || when == null || tier == null || due == null || failed == null) {
            return Optional.empty();
        }
        return Optional.of(new InclusionRule(id, when, Optional.of(tier), due, failed));
    }

    private String id(Node node, String path, Map<String, Node> ids) {
        return in.uniqueId(node, path, ids, "rule",
                "e.g. `failed-production-deployment`; retrospectives name the rule that opened them",
                "give each rule its own id");
    }

    private RuleMatch when(Node node, String path) {
        Optional<NodeReader.Entries> map = in.map(node, path, WHEN_KEYS, List.of());
        if (map.isEmpty() || !map.get().clean()) {
            return null;
        }
        NodeReader.Entries e = map.get();
        if (e.tuples().isEmpty()) {
            in.problem(node, path, "`when` says nothing, so it would match every release",
                    "say what it matches, e.g. `{deployment: [failed], environment: [production]}` or"
                            + " `{close-code: [unsuccessful]}`");
            return null;
        }
        Optional<String> changeKey = CHANGE_KEYS.stream().filter(e::has).findFirst();
        Optional<String> deploymentKey = DEPLOYMENT_KEYS.stream().filter(e::has).findFirst();
        if (changeKey.isPresent() && deploymentKey.isPresent()) {
            in.problem(e.keyNode(deploymentKey.get()), e.pathOf(deploymentKey.get()), "a rule matches either a"
                    + " change (change-type, close-code, major-incident) or a deployment (deployment, environment);"
                    + " this one names `" + changeKey.get() + "` and `" + deploymentKey.get() + "`",
                    "split it into two rules, one for the change and one for the deployment");
            return null;
        }
        return changeKey.isPresent() ? changeMatch(e) : deploymentMatch(e);
    }

    private RuleMatch changeMatch(NodeReader.Entries e) {
        int before = in.problemCount();
        Set<String> types = new LinkedHashSet<>();
        if (e.has("change-type")) {
            List<Node> items = in.list(e.get("change-type"), e.pathOf("change-type"));
            for (int i = 0; i < items.size(); i++) {
                in.choice(items.get(i), e.pathOf("change-type") + "[" + i + "]", CHANGE_TYPES).ifPresent(types::add);
            }
        }
        Set<String> closeCodes = new LinkedHashSet<>();
        if (e.has("close-code")) {
            List<Node> items = in.list(e.get("close-code"), e.pathOf("close-code"));
            for (int i = 0; i < items.size(); i++) {
                String itemPath = e.pathOf("close-code") + "[" + i + "]";
                Node item = items.get(i);
                in.text(item, itemPath).ifPresent(code -> {
                    if (SERVICENOW_NAME.matcher(code).matches()) {
                        closeCodes.add(code);
                    } else {
                        in.problem(item, itemPath, "`" + code + "` is not a close code value", "write the value"
                                + " ServiceNow stores, not its label, e.g. unsuccessful or successful_issues");
                    }
                });
            }
        }
        boolean majorIncident = e.has("major-incident") && in.choice(e.get("major-incident"),
                e.pathOf("major-incident"), BOOLEANS).map(Boolean::parseBoolean).orElse(false);
        if (in.problemCount() > before) {
            return null;
        }
        if (types.isEmpty() && closeCodes.isEmpty() && !majorIncident) {
            in.problem(e.node(), e.path(), "`major-incident: false` alone would match every closed change",
                    "say what it matches, e.g. `{major-incident: true}` or `{close-code: [unsuccessful]}`");
            return null;
        }
        return new RuleMatch.ChangeMatch(types, closeCodes, majorIncident);
    }

    private RuleMatch deploymentMatch(NodeReader.Entries e) {
        int before = in.problemCount();
        Set<DeploymentOutcome> outcomes = EnumSet.noneOf(DeploymentOutcome.class);
        if (e.has("deployment")) {
            List<Node> items = in.list(e.get("deployment"), e.pathOf("deployment"));
            for (int i = 0; i < items.size(); i++) {
                in.choice(items.get(i), e.pathOf("deployment") + "[" + i + "]", OUTCOMES)
                        .map(o -> DeploymentOutcome.valueOf(o.replace('-', '_').toUpperCase(Locale.ROOT)))
                        .ifPresent(outcomes::add);
            }
        }
        Set<String> environments = new LinkedHashSet<>();
        if (e.has("environment")) {
            List<Node> items = in.list(e.get("environment"), e.pathOf("environment"));
            for (int i = 0; i < items.size(); i++) {
                String itemPath = e.pathOf("environment") + "[" + i + "]";
                Node item = items.get(i);
                in.text(item, itemPath).ifPresent(env -> {
                    if (ENVIRONMENT.matcher(env).matches()) {
                        environments.add(env);
                    } else {
                        in.problem(item, itemPath, "`" + env + "` is not an environment name as deployments carry"
                                + " them (lower case)", "write it in lower case, e.g. "
                                + env.toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"));
                    }
                });
            }
        } else {
            environments.add(DEFAULT_ENVIRONMENT);
        }
        return in.problemCount() > before ? null : new RuleMatch.DeploymentMatch(outcomes, environments);
    }

    private DueIn due(Node node, String path) {
        Optional<String> text = in.text(node, path);
        if (text.isEmpty()) {
            return null;
        }
        Optional<DueIn> due = DueInText.due(text.get());
        if (due.isEmpty()) {
            in.problem(node, path, "`" + text.get() + "` is not a time until the retrospective is due",
                    "write " + DUE_FORMS);
        }
        return due.orElse(null);
    }

    // ---- programs ----------------------------------------------------------------------------

    private Map<String, Program> programs(Node node) {
        Map<String, Program> programs = new LinkedHashMap<>();
        Optional<NodeReader.Entries> map = in.openMap(node, "programs", List.of());
        if (map.isEmpty()) {
            return programs;
        }
        Map<String, String> programOf = new HashMap<>();
        for (Map.Entry<String, NodeTuple> entry : map.get().tuples().entrySet()) {
            String id = entry.getKey();
            if (!ID.matcher(id).matches()) {
                in.problem(entry.getValue().getKeyNode(), "programs." + id, "program id `" + id + "` must be"
                        + " lower-case words joined by hyphens", "e.g. `payments`; program retrospectives carry it");
                continue;
            }
            program(id, entry.getValue().getValueNode(), programOf).ifPresent(p -> programs.put(id, p));
        }
        return programs;
    }

    private Optional<Program> program(String id, Node node, Map<String, String> programOf) {
        String path = "programs." + id;
        Optional<NodeReader.Entries> map = in.map(node, path, List.of("applications", "threshold"),
                List.of("applications"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        int before = in.problemCount();
        Set<String> applications = new LinkedHashSet<>();
        if (e.has("applications")) {
            List<Node> items = in.list(e.get("applications"), path + ".applications");
            for (int i = 0; i < items.size(); i++) {
                String itemPath = path + ".applications[" + i + "]";
                Node item = items.get(i);
                in.text(item, itemPath).ifPresent(application -> {
                    String other = programOf.putIfAbsent(application, id);
                    if (other != null) {
                        in.problem(item, itemPath, "application `" + application + "` is already in program `" + other
                                + "`; an application belongs to one program", "remove it from one of them");
                    } else {
                        applications.add(application);
                    }
                });
            }
            if (items.isEmpty()) {
                in.problem(e.get("applications"), path + ".applications", "program `" + id + "` lists no application",
                        "list the names its deployments and change records carry, e.g. [payment-gateway]");
            }
        }
        Optional<ProgramThreshold> threshold = e.has("threshold")
                ? threshold(e.get("threshold"), path + ".threshold") : Optional.empty();
        if (in.problemCount() > before || !e.has("applications")) {
            return Optional.empty();
        }
        return Optional.of(new Program(id, applications, threshold));
    }

    private Optional<ProgramThreshold> threshold(Node node, String path) {
        List<String> keys = List.of("failures", "within", "tier", "due");
        Optional<NodeReader.Entries> map = in.map(node, path, keys, keys);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        Integer failures = e.has("failures") ? failures(e.get("failures"), path + ".failures") : null;
        Period within = null;
        if (e.has("within")) {
            Optional<String> text = in.text(e.get("within"), path + ".within");
            within = text.flatMap(DueInText::window).orElse(null);
            if (text.isPresent() && within == null) {
                in.problem(e.get("within"), path + ".within", "`" + text.get() + "` is not a length of time",
                        "write " + WITHIN_FORMS);
            }
        }
        String tier = e.has("tier") ? tierRef(e.get("tier"), path + ".tier").orElse(null) : null;
        DueIn due = e.has("due") ? due(e.get("due"), path + ".due") : null;
        if (failures == null || within == null || tier == null || due == null) {
            return Optional.empty();
        }
        return Optional.of(new ProgramThreshold(failures, within, tier, due));
    }

    private Integer failures(Node node, String path) {
        Optional<String> text = in.text(node, path);
        if (text.isEmpty()) {
            return null;
        }
        if (!text.get().matches("\\d{1,9}")) {
            in.problem(node, path, "expected a whole number of failed releases but found `" + text.get() + "`",
                    "write e.g. `failures: 3`");
            return null;
        }
        int n = Integer.parseInt(text.get());
        if (n < 2 || n > MAX_FAILURES) {
            in.problem(node, path, n < 2 ? n + " failed release(s) would open a program retrospective beside every"
                    + " release's own" : n + " failed releases is more than " + MAX_FAILURES,
                    "use 2 to " + MAX_FAILURES + " (3 is a good start)");
            return null;
        }
        return n;
    }

    /** The lengths of time the file speaks in, as admins write them. */
    static final class DueInText {

        static final int MAX_DAYS = 365;

        private static final Pattern DUE = Pattern.compile("(\\d{1,9})\\s+(?:(business|calendar)\\s+)?days?");
        private static final Pattern WINDOW = Pattern.compile("(\\d{1,9})\\s+(days?|weeks?)");

        private DueInText() {
        }

        static Optional<DueIn> due(String text) {
            Matcher m = DUE.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return Optional.empty();
            }
            int days = Integer.parseInt(m.group(1));
            if (days < 1 || days > MAX_DAYS) {
                return Optional.empty();
            }
            return Optional.of(new DueIn(days, "business".equals(m.group(2)) ? DayCount.BUSINESS : DayCount.CALENDAR));
        }

        static Optional<Period> window(String text) {
            Matcher m = WINDOW.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                return Optional.empty();
            }
            int n = Integer.parseInt(m.group(1));
            boolean weeks = m.group(2).startsWith("week");
            if (n < 1 || (weeks ? n * 7L : n) > MAX_DAYS) {
                return Optional.empty();
            }
            return Optional.of(weeks ? Period.ofWeeks(n) : Period.ofDays(n));
        }
    }
}
