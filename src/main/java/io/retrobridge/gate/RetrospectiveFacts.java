package io.retrobridge.gate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One retrospective of the application and its follow-ups.
 *
 * @param key              the retrospective's key, e.g. {@code change:CHG0030001}
 * @param openedAt         when it was opened
 * @param changeNumber     the change it looks back on, e.g. {@code CHG0030001}; null for one without a change
 * @param jiraKey          the Jira issue it is held in; null until made
 * @param serviceNowNumber the ServiceNow record its items hang under; null until made
 * @param followUps        its action items, open and done; empty when it has none yet
 */
public record RetrospectiveFacts(String key, Instant openedAt, String changeNumber, String jiraKey,
                                 String serviceNowNumber, List<FollowUp> followUps) {

    public RetrospectiveFacts {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(openedAt, "openedAt");
        followUps = List.copyOf(followUps);
    }

    /** How an answer names it: by its change when it has one ("the retrospective of CHG0030001"), else its key. */
    public String name() {
        return changeNumber != null ? changeNumber : key;
    }
}
