package io.retrobridge.jira;

import java.util.List;

/**
 * Jira would not move an issue to a status: no transition leads there from where it is, the transition
 * screen demands fields we were not given, or Jira answered the transition with a 400. Nothing changed.
 */
public class JiraTransitionRefusedException extends RuntimeException {

    private final String issue;
    private final String targetStatus;
    private final List<String> missingFields;

    public JiraTransitionRefusedException(String issue, String targetStatus, List<String> missingFields, String message) {
        super(message);
        this.issue = issue;
        this.targetStatus = targetStatus;
        this.missingFields = List.copyOf(missingFields);
    }

    /** The fields the transition needs and did not get (empty when that was not the reason). */
    public List<String> missingFields() {
        return missingFields;
    }

    public String targetStatus() {
        return targetStatus;
    }

    /** The issue id or key the transition was for. */
    public String issue() {
        return issue;
    }
}
