package io.retrobridge.sandbox.jira;

import java.util.List;

/** Told of every committed change, in commit order (called under the store's lock, so it must only queue). */
interface IssueListener {

    void created(Issue issue, JiraUser by);

    void updated(Issue after, List<ChangeItem> changes, JiraUser by);

    void deleted(Issue before, JiraUser by);

    void commented(Issue issue, Comment comment, JiraUser by);
}
