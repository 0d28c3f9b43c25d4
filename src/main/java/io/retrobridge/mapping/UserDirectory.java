package io.retrobridge.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * People known to both systems, matched by e-mail (the canonical identity of an assignee).
 *
 * @param whenUnknown what to write when the assignee is not listed
 */
public record UserDirectory(List<Person> people, WhenUnknown whenUnknown) {

    /** One person: their Jira accountId and ServiceNow user (user_name or sys_id). Either may be null. */
    public record Person(String email, String jiraAccountId, String servicenowUser) {
    }

    /** What an assignee nobody listed becomes on the other side. */
    public enum WhenUnknown {
        /** The field is not written; the other side keeps its assignee. */
        LEAVE_UNCHANGED,
        /** The other side's assignee is cleared. */
        UNASSIGNED
    }

    public UserDirectory {
        people = List.copyOf(people);
    }

    public Optional<Person> byEmail(String email) {
        return email == null ? Optional.empty()
                : people.stream().filter(p -> p.email().equalsIgnoreCase(email.toLowerCase(Locale.ROOT))).findFirst();
    }

    public Optional<Person> byJiraAccountId(String accountId) {
        return people.stream().filter(p -> accountId != null && accountId.equals(p.jiraAccountId())).findFirst();
    }

    public Optional<Person> byServiceNowUser(String user) {
        return people.stream().filter(p -> user != null && user.equals(p.servicenowUser())).findFirst();
    }
}
