package io.retrobridge.mapping.retro;

import java.util.Set;

/** What an inclusion rule looks at: a change request as it closes, or a deployment run as it ends. */
public sealed interface RuleMatch {

    /**
     * A closed change request. Each part left empty (or false) matches any change.
     *
     * @param types         change types, e.g. {@code emergency}
     * @param closeCodes    close codes, e.g. {@code unsuccessful}
     * @param majorIncident whether an accepted major incident must be linked to the change
     */
    record ChangeMatch(Set<String> types, Set<String> closeCodes, boolean majorIncident) implements RuleMatch {
        public ChangeMatch {
            types = Set.copyOf(types);
            closeCodes = Set.copyOf(closeCodes);
        }
    }

    /**
     * An ended deployment run.
     *
     * @param outcomes     how it went wrong; empty matches any end, successful ones too
     * @param environments where it ran, lower case (default production)
     */
    record DeploymentMatch(Set<DeploymentOutcome> outcomes, Set<String> environments) implements RuleMatch {
        public DeploymentMatch {
            outcomes = Set.copyOf(outcomes);
            environments = Set.copyOf(environments);
        }
    }

    /** How a deployment went, as rules name it. */
    enum DeploymentOutcome {
        SUCCEEDED, FAILED, ABORTED, ROLLED_BACK
    }
}
