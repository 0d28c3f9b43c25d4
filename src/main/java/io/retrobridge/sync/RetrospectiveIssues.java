package io.retrobridge.sync;

import java.util.List;
import java.util.Optional;

/**
 * The Jira issues retrospectives are held in. Every issue carries a marker label derived from its trigger, so a
 * create whose answer was lost is found rather than made twice; only an issue the integration account created counts.
 */
public interface RetrospectiveIssues {

    /** An issue: its id (what is stored), its key and where people open it. */
    record Issue(String id, String key, String url) {
    }

    /** The issue we opened with this marker in the project, if any. */
    Optional<Issue> findOurs(String project, String marker);

    /**
     * Creates the issue.
     *
     * @param labels          the labels it carries, the marker among them
     * @param descriptionAdf  the description as an ADF document (JSON text)
     */
    Issue open(String project, String issueType, String summary, List<String> labels, String descriptionAdf);

    /** The issue with this id or key, if it exists and the integration account sees it. */
    Optional<Issue> find(String idOrKey);

    /** Where people open the issue of this key. */
    String browseUrl(String key);
}
