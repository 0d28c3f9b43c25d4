package io.retrobridge.domain;

/** Where an action item stands in its life, whatever each system calls it. */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    /** Done and cancelled items need no more work and are never overdue. */
    public boolean isClosed() {
        return this == DONE || this == CANCELLED;
    }
}
