package io.retrobridge.gate;

/** The gate's answer, upper case as callers read it (Spinnaker upper-cases what it matches). */
public enum GateDecision {
    /** The release may proceed. */
    ALLOW,
    /** The release must not proceed; the reason says what to do. */
    DENY,
    /** The facts are still being gathered; ask again shortly. */
    PENDING
}
