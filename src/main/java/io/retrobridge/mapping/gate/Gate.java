package io.retrobridge.mapping.gate;

import java.util.Objects;
import java.util.Set;

/**
 * A named gate pipelines call by name ({@code /api/gates/{name}/evaluate}), e.g. {@code prod} or {@code canary}.
 *
 * @param name lower-case words joined by hyphens
 * @param mode the most binding mode this gate answers in; a tier's milder mode still wins
 */
public record Gate(String name, GateMode mode) {

    /** Path segments under /api/gates/ that are not gates: the callers' hooks and the answers kept. */
    public static final Set<String> RESERVED_NAMES = Set.of("hooks", "evaluations", "waivers");

    public Gate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
    }

    /** The mode in force when this gate judges an application of {@code tier}: the milder of the two. */
    public GateMode modeFor(GateTier tier) {
        return mode.milder(tier.mode());
    }
}
