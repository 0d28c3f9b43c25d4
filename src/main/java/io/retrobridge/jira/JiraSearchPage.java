package io.retrobridge.jira;

import java.util.List;
import java.util.Optional;

/**
 * One page of a JQL search.
 *
 * @param nextPageToken what to pass to the next {@link JiraClient#search} call; empty on the last page
 */
public record JiraSearchPage(List<JiraIssue> issues, Optional<String> nextPageToken) {

    public JiraSearchPage {
        issues = List.copyOf(issues);
        nextPageToken = nextPageToken == null ? Optional.empty() : nextPageToken;
    }

    public boolean isLast() {
        return nextPageToken.isEmpty();
    }
}
