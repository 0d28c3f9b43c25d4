package io.retrobridge.domain;

/** What a PIR metric's before and after values say about the release. */
public enum Verdict {
    /** Within the metric's thresholds. */
    OK,
    /** Crossed a threshold the mapping marks as degraded. */
    DEGRADED,
    /** Moved the good way by more than the degraded threshold would have allowed the bad way. */
    IMPROVED,
    /** No value before or after (no samples, or the query could not be answered). */
    NO_DATA
}
