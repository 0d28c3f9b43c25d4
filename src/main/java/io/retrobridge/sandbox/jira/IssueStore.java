package io.retrobridge.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Deque;
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
 *
 * <p>Search reads an index that, as in Jira Cloud, may lag behind: with a {@linkplain #searchLag(Duration) search lag}
 * a new issue, an edit (a label added, say) or a deletion reaches search results only that long after it was made,
 * while a read by id or key sees it at once. Jira Cloud documents this for its search ("recent updates might not be
 * immediately visible"); no lag is the default.
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
    /** Every issue as search sees it. */
    private final Map<String, Issue> searchIndex = new LinkedHashMap<>();
    /** Changes on their way into the search index, oldest first. */
    private final Deque<IndexUpdate> indexing = new ArrayDeque<>();
    private Duration searchLag = Duration.ZERO;
    private long nextProjectId = 10000;
    private long nextIssueId = 10000;
    private long nextCommentId = 10000;
    private long nextComponentId = 10000;

    IssueStore(Clock clock, JiraAccounts accounts) {
        this.clock = clock;
        this.accounts = accounts;
    }

    /** A change the search index takes in at {@code visibleAt}; a null version removes the issue. */
    private record IndexUpdate(Instant visibleAt, String id, Issue version) {
    }

    /** How long changes take to reach search; reads by id or key see them at once. */
    synchronized void searchLag(Duration lag) {
        if (lag == null || lag.isNegative()) {
            throw new IllegalArgumentException("a search lag is zero or positive, not " + lag);
        }
        searchLag = lag;
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

    /** Issues that match as the search index knows them, in the given order, as copies. */
    synchronized List<Issue> search(Predicate<Issue> filter, Comparator<Issue> order) {
        takeInChangesVisibleBy(clock.instant());
        // Matched as the index knows them; what is returned is read from the issues themselves, as Jira does.
        return searchIndex.values().stream().filter(filter).map(indexed -> byId.get(indexed.id))
                .filter(java.util.Objects::nonNull).sorted(order).map(Issue::copy).toList();
    }

    synchronized void catchUpSearchIndex() {
        takeInChangesVisibleBy(Instant.MAX);
    }

    private void takeInChangesVisibleBy(Instant now) {
        while (!indexing.isEmpty() && !indexing.peekFirst().visibleAt().isAfter(now)) {
            IndexUpdate update = indexing.removeFirst();
            if (update.version() == null) {
                searchIndex.remove(update.id());
            } else {
                searchIndex.put(update.id(), update.version());
            }
        }
    }

    private void index(String id, Issue version) {
        Instant visibleAt = clock.instant().plus(searchLag);
        // A shorter lag set meanwhile never lets a change overtake an earlier one.
        if (!indexing.isEmpty() && indexing.peekLast().visibleAt().isAfter(visibleAt)) {
            visibleAt = indexing.peekLast().visibleAt();
        }
        indexing.addLast(new IndexUpdate(visibleAt, id, version == null ? null : version.copy()));
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
        index(draft.id, draft);
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
        index(after.id, after);
        listeners.forEach(l -> l.updated(after.copy(), changes, by));
        return new Outcome(after.copy(), Map.of());
    }

    synchronized boolean delete(String idOrKey, JiraUser by) {
        Optional<Issue> issue = locate(idOrKey);
        issue.ifPresent(i -> {
            byId.remove(i.id);
            index(i.id, null);
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
        index(i.id, i);
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

    /** Replaces a comment's body (and its visibility when given); like Jira, the comment's and the issue's updated move. */
    synchronized Optional<Comment> editComment(String idOrKey, String commentId, JsonNode body, JsonNode visibility) {
        Optional<Issue> issue = locate(idOrKey);
        if (issue.isEmpty()) {
            return Optional.empty();
        }
        Issue i = issue.get();
        for (int n = 0; n < i.comments.size(); n++) {
            Comment old = i.comments.get(n);
            if (old.id().equals(commentId)) {
                JsonNode shown = visibility == null || visibility.isMissingNode() ? old.visibility()
                        : visibility.isNull() ? null : visibility.deepCopy();
                Comment edited = new Comment(old.id(), old.authorId(), body.deepCopy(), shown, old.created(),
                        clock.instant());
                i.comments.set(n, edited);
                i.updated = clock.instant();
                index(i.id, i);
                return Optional.of(edited);
            }
        }
        return Optional.empty();
    }

    /** Removes a comment; answers whether there was one. */
    synchronized boolean deleteComment(String idOrKey, String commentId) {
        Optional<Issue> issue = locate(idOrKey);
        if (issue.isEmpty() || !issue.get().comments.removeIf(c -> c.id().equals(commentId))) {
            return false;
        }
        issue.get().updated = clock.instant();
        index(issue.get().id, issue.get());
        return true;
    }
}
