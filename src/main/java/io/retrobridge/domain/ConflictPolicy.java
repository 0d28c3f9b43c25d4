package io.retrobridge.domain;

/** What happens when both sides changed one field since the last sync. */
public enum ConflictPolicy {
    /** The field's owning system keeps its value; the other side's change is overwritten on the next write. */
    OWNER_WINS,
    /** The later change wins, by the systems' own update timestamps. */
    NEWEST_WINS,
    /** Neither is written; the conflict is recorded for a human to settle. */
    PARK
}
