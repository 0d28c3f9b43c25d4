package io.retrobridge.mapping.gate;

import java.util.Objects;

/**
 * One thing a tier looks for before a deployment, and what it does when it finds it.
 *
 * @param id     unique in the file; answers and waivers name the rule by it
 * @param when   what it looks for
 * @param effect whether finding it blocks the deployment or only warns
 */
public record GateRule(String id, GateCondition when, Effect effect) {

    public GateRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(effect, "effect");
    }

    /** What a rule that holds does. */
    public enum Effect {
        /** Denies the deployment (in enforce mode). */
        BLOCK,
        /** Never denies; the answer names it. */
        WARN
    }

    public boolean blocks() {
        return effect == Effect.BLOCK;
    }
}
