package io.retrobridge.mapping.gate;

import java.util.Objects;

/**
 * A named gate pipelines call by name ({@code /api/gates/{name}/evaluate}), e.g. {@code prod} or {@code canary}.
 *
 * @param name lower-case words joined by hyphens
 * @param mode the most binding mode this gate answers in; a tier's milder mode still wins
 */
public record Gate(String name, GateMode mode) {

    public Gate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
    }

    /** The mode in force when this gate judges an application of {@code tier}: the milder of the two. */
    public GateMode modeFor(GateTier tier) {
        return mode.milder(tier.mode());
    }
}
