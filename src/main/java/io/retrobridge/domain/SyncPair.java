package io.retrobridge.domain;

/**
 * Two systems kept in sync with each other: a change on one is written to the other, its counterpart. Action
 * items (and their comments and escalations) pair Jira with ServiceNow.
 */
public record SyncPair(ExternalSystem first, ExternalSystem second) {

    /** The pair action items are synced between. */
    public static final SyncPair ACTION_ITEMS = new SyncPair(ExternalSystem.JIRA, ExternalSystem.SERVICENOW);

    public SyncPair {
        RecordArguments.required(first, "first");
        RecordArguments.required(second, "second");
        if (first.equals(second)) {
            throw new IllegalArgumentException("a system is not synced with itself: " + first);
        }
    }

    /** The side a change on {@code system} is written to. */
    public ExternalSystem counterpart(ExternalSystem system) {
        if (system.equals(first)) {
            return second;
        }
        if (system.equals(second)) {
            return first;
        }
        throw new IllegalArgumentException(system + " is not synced with " + first + " or " + second
                + "; only the systems of a pair have a counterpart");
    }

    /** Whether {@code system} is one of the two. */
    public boolean contains(ExternalSystem system) {
        return first.equals(system) || second.equals(system);
    }
}
