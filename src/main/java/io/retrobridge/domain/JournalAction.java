package io.retrobridge.domain;

/** What the sync did with an event or record, as recorded in the journal. */
public enum JournalAction {
    /** An event arrived and was stored. */
    RECEIVED,
    /** We wrote to an external system. */
    WROTE,
    /** Nothing to do: an echo of our own write, no mapped change, or a duplicate. */
    SKIPPED,
    /** Given up after retries; the event waits in the dead-letter store. */
    PARKED,
    /** Both sides changed a field; the policy decided or a human has to. */
    CONFLICT,
    /** Something failed; the detail says what. */
    ERROR,
    /**
     * About to write to an external system: what, to which record and why. Written before the call is sent; a later
     * entry settles it (saying it was written, found written, or not written). One left open after a crash says
     * what may have been written, and the next run of the item settles it.
     */
    INTENT
}
