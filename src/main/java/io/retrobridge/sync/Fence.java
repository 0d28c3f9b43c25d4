package io.retrobridge.sync;

/**
 * The leadership term a leader-only write is made under: {@code term} of {@code namespace} as this instance was
 * granted it. A write carrying it changes nothing once a newer term exists.
 */
public record Fence(String namespace, long term) {

    public Fence {
        if (namespace == null || namespace.isBlank()) {
            throw new IllegalArgumentException("namespace is required");
        }
        if (term < 1) {
            throw new IllegalArgumentException("term is " + term + "; terms start at 1");
        }
    }
}
