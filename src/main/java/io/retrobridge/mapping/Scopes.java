package io.retrobridge.mapping;

import java.util.List;

/** Which records on each side are action items. */
public final class Scopes {

    private Scopes() {
    }

    /**
     * @param projects  project keys searched
     * @param issueType issue type of action items (used to search and to create)
     * @param label     label every action item carries; RetroBridge adds it to issues it creates
     * @param jql       extra JQL ANDed (in parentheses) to the project, type and label conditions; "" for none
     */
    public record Jira(List<String> projects, String issueType, String label, String jql) {
        public Jira {
            projects = List.copyOf(projects);
        }
    }

    /**
     * @param table the task table, {@code problem_task} by default
     * @param query extra encoded-query conditions ANDed to RetroBridge's own; "" for none
     */
    public record ServiceNow(String table, String query) {
    }
}
