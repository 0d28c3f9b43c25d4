package io.retrobridge.sandbox.jira;

import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.sandbox.SandboxResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which issues an account may not see: a whole project (its Browse Projects permission taken away) or single issues
 * (an issue-security level). Jira answers such an issue as if it did not exist: 404 with "Issue does not exist or you
 * do not have permission to see it." on every issue address, and search leaves it out. Webhooks still fire, since
 * they are an admin's subscription, not the account's reads.
 */
final class IssueVisibility {

    private static final Pattern ISSUE_PATH = Pattern.compile("/rest/api/[23]/issue/([^/]+)(/.*)?");

    private final IssueStore store;
    // Concurrent sets, not locks: search asks while holding the store's lock.
    private final Set<String> hiddenProjects = ConcurrentHashMap.newKeySet();
    private final Set<String> hiddenIssues = ConcurrentHashMap.newKeySet();

    IssueVisibility(IssueStore store) {
        this.store = store;
    }

    void hideProject(String projectKey, String accountId) {
        if (store.project(projectKey).isEmpty()) {
            throw new IllegalArgumentException("No project " + projectKey + " to hide");
        }
        hiddenProjects.add(projectKey + "|" + accountId);
    }

    void showProject(String projectKey, String accountId) {
        hiddenProjects.remove(projectKey + "|" + accountId);
    }

    void hideIssue(String idOrKey, String accountId) {
        Issue issue = store.find(idOrKey).orElseThrow(() -> new IllegalArgumentException("No issue " + idOrKey + " to hide"));
        hiddenIssues.add(issue.id + "|" + accountId);
    }

    void showIssue(String idOrKey, String accountId) {
        store.find(idOrKey).ifPresent(issue -> hiddenIssues.remove(issue.id + "|" + accountId));
    }

    boolean hiddenFrom(Issue issue, JiraUser user) {
        return hiddenProjects.contains(issue.project.key() + "|" + user.accountId())
                || hiddenIssues.contains(issue.id + "|" + user.accountId());
    }

    /** For search: only the issues {@code user} may see. */
    Predicate<Issue> visibleTo(JiraUser user) {
        return issue -> !hiddenFrom(issue, user);
    }

    /** Jira's answer to a request that names an issue the caller may not see; empty lets the request through. */
    Optional<SandboxResponse> refuse(SandboxRequest request, JiraUser user) {
        Matcher issuePath = ISSUE_PATH.matcher(request.path());
        if (!issuePath.matches()) {
            return Optional.empty();
        }
        String idOrKey = URLDecoder.decode(issuePath.group(1), StandardCharsets.UTF_8);
        return store.find(idOrKey).filter(issue -> hiddenFrom(issue, user)).map(issue -> JiraErrors.issueNotFound());
    }
}
