package io.retrobridge.sync;

/** How the sync finished with an inbound event. */
public enum InboxOutcome {
    /** Its change was applied. */
    APPLIED,
    /** Nothing to do (echo, no mapped change, not in scope). */
    SKIPPED,
    /** Given up on; it is in the dead-letter store. */
    PARKED
}
