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
    ERROR
}
