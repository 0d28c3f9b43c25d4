package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Projects and issues of the simulated site. Every change goes through one lock, gets its timestamps
 * from the sandbox clock, and is reported to the listeners in commit order. An edit that changes
 * nothing leaves {@code updated} alone and is reported to nobody, as in Jira.
 */
final class IssueStore {

    /** What a change came to: the issue after it, Jira's field errors, or no such issue. */
    record Outcome(Issue issue, Map<String, String> errors) {

        static Outcome missing() {
            return new Outcome(null, Map.of());
        }

        boolean isMissing() {
            return issue == null && errors.isEmpty();
        }

        boolean isRefused() {
            return !errors.isEmpty();
        }
    }

    /** Fills in or edits a draft; answers the field errors, empty when the draft may be saved. */
    @FunctionalInterface
    interface Edit extends Function<Issue, Map<String, String>> {
    }

    private final Clock clock;
    private final JiraAccounts accounts;
    private final Map<String, JiraProject> projects = new LinkedHashMap<>();
    private final Map<String, Long> nextNumber = new LinkedHashMap<>();
    private final Map<String, Issue> byId = new LinkedHashMap<>();
    private final List<IssueListener> listeners = new CopyOnWriteArrayList<>();
    private long nextProjectId = 10000;
    private long nextIssueId = 10000;
    private long nextCommentId = 10000;
    private long nextComponentId = 10000;

    IssueStore(Clock clock, JiraAccounts accounts) {
        this.clock = clock;
        this.accounts = accounts;
    }

    void listen(IssueListener listener) {
        listeners.add(listener);
    }

    synchronized JiraProject addProject(String key, String name, List<String> componentNames) {
        if (key == null || !key.matches("[A-Z][A-Z0-9_]{1,9}")) {
            throw new IllegalArgumentException("A project key is 2-10 upper-case letters, digits or _, starting with "
                    + "a letter, e.g. PAY; got '" + key + "'");
        }
        if (projects.containsKey(key)) {
            throw new IllegalArgumentException("Project " + key + " already exists");
        }
        List<JiraProject.Component> components = componentNames.stream()
                .map(n -> new JiraProject.Component(String.valueOf(nextComponentId++), n)).toList();
        JiraProject project = new JiraProject(String.valueOf(nextProjectId++), key, name, components);
        projects.put(key, project);
        nextNumber.put(key, 1L);
        return project;
    }

    synchronized Optional<JiraProject> project(String idOrKey) {
        if (idOrKey == null) {
            return Optional.empty();
        }
        return projects.values().stream().filter(p -> p.key().equals(idOrKey) || p.id().equals(idOrKey)).findFirst();
    }

    synchronized List<JiraProject> projects() {
        return List.copyOf(projects.values());
    }

    synchronized Optional<Issue> find(String idOrKey) {
        return locate(idOrKey).map(Issue::copy);
    }

    /** Issues that match, in the given order, as copies. */
    synchronized List<Issue> search(Predicate<Issue> filter, Comparator<Issue> order) {
        return byId.values().stream().filter(filter).sorted(order).map(Issue::copy).toList();
    }

    synchronized Outcome create(JiraProject project, JiraCatalog.IssueType type, JiraUser by, Edit fill) {
        long number = nextNumber.get(project.key());
        Issue draft = new Issue(String.valueOf(nextIssueId), project.key() + "-" + number, project, clock.instant(),
                by.accountId());
        draft.issueType = type;
        draft.reporterId = by.accountId();
        Map<String, String> errors = fill.apply(draft);
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        nextIssueId++;
        nextNumber.put(project.key(), number + 1);
        byId.put(draft.id, draft);
        listeners.forEach(l -> l.created(draft.copy(), by));
        return new Outcome(draft.copy(), Map.of());
    }

    synchronized Outcome change(String idOrKey, JiraUser by, Edit edit) {
        Optional<Issue> current = locate(idOrKey);
        if (current.isEmpty()) {
            return Outcome.missing();
        }
        Issue before = current.get();
        Issue after = before.copy();
        Map<String, String> errors = edit.apply(after);
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        List<ChangeItem> changes = IssueChanges.between(before, after, this::displayName);
        if (changes.isEmpty()) {
            return new Outcome(before.copy(), Map.of());
        }
        after.updated = clock.instant();
        if (!after.status.equals(before.status)) {
            after.statusChanged = after.updated;
        }
        byId.put(after.id, after);
        listeners.forEach(l -> l.updated(after.copy(), changes, by));
        return new Outcome(after.copy(), Map.of());
    }

    synchronized boolean delete(String idOrKey, JiraUser by) {
        Optional<Issue> issue = locate(idOrKey);
        issue.ifPresent(i -> {
            byId.remove(i.id);
            listeners.forEach(l -> l.deleted(i.copy(), by));
        });
        return issue.isPresent();
    }

    /** Adds a comment; like Jira, commenting counts as updating the issue. */
    synchronized Optional<Comment> comment(String idOrKey, JiraUser by, JsonNode body, JsonNode visibility) {
        Optional<Issue> issue = locate(idOrKey);
        if (issue.isEmpty()) {
            return Optional.empty();
        }
        Issue i = issue.get();
        Comment comment = new Comment(String.valueOf(nextCommentId++), by.accountId(), body.deepCopy(),
                visibility == null || visibility.isNull() || visibility.isMissingNode() ? null : visibility.deepCopy(),
                clock.instant(), clock.instant());
        i.comments.add(comment);
        i.updated = clock.instant();
        listeners.forEach(l -> l.commented(i.copy(), comment, by));
        return Optional.of(comment);
    }

    /** Sets an entity property; answers whether it is new. Properties are not fields, so {@code updated} stays. */
    synchronized Optional<Boolean> putProperty(String idOrKey, String key, JsonNode value) {
        Optional<Issue> issue = locate(idOrKey);
        return issue.map(i -> i.properties.put(key, value.deepCopy()) == null);
    }

    synchronized Optional<Boolean> deleteProperty(String idOrKey, String key) {
        return locate(idOrKey).map(i -> i.properties.remove(key) != null);
    }

    synchronized List<Issue> all() {
        return new ArrayList<>(byId.values().stream().map(Issue::copy).toList());
    }

    java.time.Instant now() {
        return clock.instant();
    }

    String displayName(String accountId) {
        return accounts.byId(accountId).map(JiraUser::displayName).orElse(accountId);
    }

    private Optional<Issue> locate(String idOrKey) {
        if (idOrKey == null) {
            return Optional.empty();
        }
        Issue issue = byId.get(idOrKey);
        if (issue != null) {
            return Optional.of(issue);
        }
        return byId.values().stream().filter(i -> i.key.equalsIgnoreCase(idOrKey)).findFirst();
    }
}
