package io.retrobridge.mapping;

/** What sync does when both sides changed a field since the last sync. */
public enum ConflictPolicy {
    /** The owning side's value is kept and copied over the other. */
    OWNER_WINS,
    /** The later change wins. */
    NEWEST_WINS,
    /** Nothing is written; the conflict waits for a person to decide. */
    PARK
}
