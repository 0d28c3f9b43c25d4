package io.retrobridge.escalation;

/** Where one escalation of one item stands. */
public enum EscalationState {
    /** A scan holds this (item, step) and is writing it; a crash leaves it claimed and the next scan finishes it. */
    CLAIMED,
    /** Written: the board ticket is open, or the reminder / re-assignment was done. */
    RAISED,
    /**
     * Writing it failed with an answer retrying cannot change (e.g. 400 unknown assignment group); a dead letter
     * holds it with the reason. Scans leave it alone until the dead letter is replayed.
     */
    PARKED,
    /** The item was completed or its due date moved; the ticket was resolved with a note. */
    RESOLVED
}
