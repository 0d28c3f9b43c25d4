package io.retrobridge.mapping.gate;

/**
 * How far a gate's answer is binding. A tier and a gate each have one; the milder of the two is in force, so
 * a gate can soften every tier (a canary gate that only warns) and a tier can soften every gate (a tier
 * being introduced in warn mode), but neither can make the other stricter than it says.
 */
public enum GateMode {
    /** Nothing is evaluated: every deployment may proceed, and no reason is given. */
    OFF,
    /** Every deployment may proceed; the answer says what would have blocked it. */
    WARN,
    /** A blocking rule that holds denies the deployment. */
    ENFORCE;

    /** The less binding of the two: {@code OFF} before {@code WARN} before {@code ENFORCE}. */
    public GateMode milder(GateMode other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Whether a blocking rule that holds denies the deployment in this mode. */
    public boolean blocks() {
        return this == ENFORCE;
    }
}
