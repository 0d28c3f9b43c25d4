package io.retrobridge.mapping.gate;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A risk tier: the rules applications of this tier are held to, where, how bindingly, and what to answer when
 * RetroBridge cannot decide.
 *
 * @param name          lower-case words joined by hyphens, e.g. {@code high}
 * @param environments  where the rules apply, lower case; a deployment elsewhere may always proceed
 * @param mode          the most binding mode this tier is judged in; a gate's milder mode still wins
 * @param whenUndecided the answer when RetroBridge cannot decide (fail closed or open)
 * @param rules         in the file's order
 */
public record GateTier(String name, Set<String> environments, GateMode mode, WhenUndecided whenUndecided,
                       List<GateRule> rules) {

    public GateTier {
        Objects.requireNonNull(name, "name");
        environments = Set.copyOf(environments);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(whenUndecided, "whenUndecided");
        rules = List.copyOf(rules);
    }

    /** The answer when the evaluation cannot decide, e.g. an application it knows nothing about. */
    public enum WhenUndecided {
        /** Fail closed: the deployment waits. */
        DENY,
        /** Fail open: the deployment proceeds, with the reason given. */
        ALLOW
    }

    /** Whether this tier's rules apply to a deployment to {@code environment} (compared in lower case). */
    public boolean appliesIn(String environment) {
        return environment != null && environments.contains(environment.toLowerCase(Locale.ROOT));
    }

    public Optional<GateRule> rule(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
