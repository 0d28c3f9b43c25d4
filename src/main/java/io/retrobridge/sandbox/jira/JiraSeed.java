package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.sandbox.SandboxJson;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts projects, users and issues into a {@link JiraSandbox} without HTTP, for the demo and for tests.
 * Issues pass the same field checks as API writes and are reported to webhooks like them; a bad value
 * is refused with Jira's message, since in a seed it is always a mistake.
 */
public final class JiraSeed {

    /** The connector's own account in the demo. */
    public static final String DEMO_CONNECTOR_EMAIL = "demo@retrobridge.example";

    /** What to put in an issue; null members are left at Jira's defaults. */
    public record IssueSpec(String projectKey, String issueType, String summary, String description, List<String> labels,
            String assigneeAccountId, LocalDate duedate, String priority, String status) {

        public static IssueSpec of(String projectKey, String issueType, String summary) {
            return new IssueSpec(projectKey, issueType, summary, null, List.of(), null, null, null, null);
        }

        public IssueSpec description(String text) {
            return new IssueSpec(projectKey, issueType, summary, text, labels, assigneeAccountId, duedate, priority, status);
        }

        public IssueSpec labels(String... values) {
            return new IssueSpec(projectKey, issueType, summary, description, List.of(values), assigneeAccountId, duedate,
                    priority, status);
        }

        public IssueSpec assignee(String accountId) {
            return new IssueSpec(projectKey, issueType, summary, description, labels, accountId, duedate, priority, status);
        }

        public IssueSpec due(LocalDate date) {
            return new IssueSpec(projectKey, issueType, summary, description, labels, assigneeAccountId, date, priority, status);
        }

        public IssueSpec priority(String name) {
            return new IssueSpec(projectKey, issueType, summary, description, labels, assigneeAccountId, duedate, name, status);
        }

        /** "To Do", "In Progress" or "Done". */
        public IssueSpec status(String name) {
            return new IssueSpec(projectKey, issueType, summary, description, labels, assigneeAccountId, duedate, priority, name);
        }
    }

    private final IssueStore store;
    private final JiraAccounts accounts;
    private final Clock clock;
    private final JiraReleases releases;

    JiraSeed(IssueStore store, JiraAccounts accounts, Clock clock, JiraReleases releases) {
        this.store = store;
        this.accounts = accounts;
        this.clock = clock;
        this.releases = releases;
    }

    /** A project offering Task, Bug and Epic, with optional components. Answers its id. */
    public String project(String key, String name, String... components) {
        return store.addProject(key, name, List.of(components)).id();
    }

    /** A user who cannot log in (no API token), e.g. an assignee. */
    public JiraSeed user(String accountId, String displayName, String email) {
        accounts.add(new JiraUser(accountId, displayName, email, null));
        return this;
    }

    /** Creates an issue as {@code reporterAccountId}; answers its key. */
    public String issue(IssueSpec spec, String reporterAccountId) {
        JiraUser reporter = accounts.byId(reporterAccountId).orElseThrow(() -> new IllegalArgumentException(
                "No Jira user " + reporterAccountId + "; seed the user first"));
        JiraProject project = store.project(spec.projectKey()).orElseThrow(() -> new IllegalArgumentException(
                "No project " + spec.projectKey() + "; seed it with project(key, name) first"));
        JiraCatalog.IssueType type = JiraCatalog.issueType(spec.issueType()).orElseThrow(() ->
                new IllegalArgumentException("Issue type must be one of " + JiraCatalog.ISSUE_TYPES.stream()
                        .map(JiraCatalog.IssueType::name).toList() + ", not " + spec.issueType()));
        Optional<JiraCatalog.Status> status = Optional.ofNullable(spec.status()).map(s -> JiraCatalog.status(s)
                .orElseThrow(() -> new IllegalArgumentException("Status must be To Do, In Progress or Done, not " + s)));
        FieldEdits edits = new FieldEdits(accounts, releases);
        IssueStore.Outcome outcome = store.create(project, type, reporter, draft -> {
            Map<String, String> errors = edits.applyFields(fields(spec), draft, Set.of());
            status.ifPresent(s -> {
                draft.status = s;
                if (s.equals(JiraCatalog.DONE)) {
                    draft.resolution = JiraCatalog.DONE_RESOLUTION;
                    draft.resolutionDate = clock.instant();
                }
            });
            return errors;
        });
        if (outcome.isRefused()) {
            throw new IllegalArgumentException("Jira refused the seeded issue '" + spec.summary() + "': " + outcome.errors());
        }
        return outcome.issue().key;
    }

    /**
     * The demo story, told from Jira's side: project PAY "Payments", the review board's project ARB, the people of the ServiceNow demo,
     * the connector's own account, the bug behind the failed payment-gateway 4.2 release, and two
     * retrospective action items that so far exist only in Jira. PAY has the released 4.2.0 and the unreleased
     * 4.3.0 that follow-ups are planned into, and board 1 with PAY Sprint 12 under way and PAY Sprint 13 to come.
     * Answers the issue keys by role.
     */
    public Map<String, String> demo() {
        project("PAY", "Payments", "Checkout", "Gateway");
        // The architecture review board triages its Task tickets here; escalations may be raised into it.
        project("ARB", "Architecture Review Board");
        // The failed release and the one its follow-ups are planned into.
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        version("PAY", "4.2.0", true, day.minusDays(2));
        version("PAY", "4.3.0", false, day.plusDays(19));
        long board = board("PAY board", "PAY");
        sprint(board, "PAY Sprint 12", "active");
        sprint(board, "PAY Sprint 13", "future");
        // ServiceNow change requests are mirrored here (mappings/change-records.yaml).
        project("CHG", "Change Records");
        user("557058:beth-anglin", "Beth Anglin", "beth.anglin@example.com");
        user("557058:david-loo", "David Loo", "david.loo@example.com");
        user("557058:abel-tuter", "Abel Tuter", "abel.tuter@example.com");
        // The connector's account may already be there under the configured e-mail; reuse it rather than add a twin.
        String connector = accounts.byEmailOrName(DEMO_CONNECTOR_EMAIL).or(() -> accounts.byEmailOrName("RetroBridge"))
                .map(JiraUser::accountId).orElseGet(() -> {
            user("557058:retrobridge", "RetroBridge", DEMO_CONNECTOR_EMAIL);
            return "557058:retrobridge";
        });
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("bug", issue(IssueSpec.of("PAY", "Bug", "Checkout fails with gateway timeout")
                .description("After the payment gateway client 4.2 release, checkout timed out for 7% of orders "
                        + "until the release was rolled back.")
                .priority("Highest").assignee("557058:david-loo").labels("payment-gateway", "release-4.2"), "557058:abel-tuter"));
        keys.put("contractTests", issue(IssueSpec.of("PAY", "Task", "Add contract tests for the gateway client")
                .labels("retro-action").assignee("557058:david-loo").due(today.plusDays(5)), "557058:beth-anglin"));
        keys.put("loadTest", issue(IssueSpec.of("PAY", "Task", "Load-test checkout before cutover")
                .labels("retro-action").assignee("557058:beth-anglin").due(today.plusDays(3)).status("In Progress"),
                "557058:beth-anglin"));
        keys.put("connector", connector);
        return keys;
    }

    private static ObjectNode fields(IssueSpec spec) {
        ObjectNode fields = SandboxJson.object();
        fields.put("summary", spec.summary());
        if (spec.description() != null) {
            fields.set("description", adf(spec.description()));
        }
        spec.labels().forEach(fields.putArray("labels")::add);
        if (spec.assigneeAccountId() != null) {
            fields.putObject("assignee").put("accountId", spec.assigneeAccountId());
        }
        if (spec.duedate() != null) {
            fields.put("duedate", spec.duedate().toString());
        }
        if (spec.priority() != null) {
            fields.putObject("priority").put("name", spec.priority());
        }
        return fields;
    }

    /** One paragraph of plain text as an Atlassian Document. */
    static ObjectNode adf(String text) {
        ObjectNode doc = SandboxJson.object();
        doc.put("type", "doc");
        doc.put("version", 1);
        ObjectNode paragraph = doc.putArray("content").addObject();
        paragraph.put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", text);
        return doc;
    }

    /** A version at the end of the project's versions; answers its id. */
    public String version(String projectKey, String name, boolean released, LocalDate releaseDate) {
        JiraProject project = store.project(projectKey).orElseThrow(() -> new IllegalArgumentException(
                "No project " + projectKey + "; seed it with project(key, name) first"));
        return releases.addVersion(project, name, released, releaseDate).id();
    }

    /** Releases the project's version of that name, as Jira's release button does. */
    public JiraSeed release(String projectKey, String versionName) {
        releases.release(projectKey, versionName);
        return this;
    }

    /** A Jira Software board over the project; answers its id. */
    public long board(String name, String projectKey) {
        JiraProject project = store.project(projectKey).orElseThrow(() -> new IllegalArgumentException(
                "No project " + projectKey + "; seed it with project(key, name) first"));
        return releases.addBoard(name, project).id();
    }

    /**
     * A sprint of the board: {@code future}, {@code active} (started now, two weeks long) or {@code closed} (ended
     * now). Answers its id.
     */
    public long sprint(long boardId, String name, String state) {
        java.time.Instant now = clock.instant();
        java.time.Duration twoWeeks = java.time.Duration.ofDays(14);
        return switch (state) {
            case "active" -> releases.addSprint(boardId, name, state, now, now.plus(twoWeeks)).id();
            case "closed" -> releases.addSprint(boardId, name, state, now.minus(twoWeeks), now).id();
            default -> releases.addSprint(boardId, name, state, null, null).id();
        };
    }
}
