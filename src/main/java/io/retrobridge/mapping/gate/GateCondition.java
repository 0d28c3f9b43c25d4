package io.retrobridge.mapping.gate;

import io.retrobridge.domain.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a gate rule looks for in an application's follow-ups. Each kind carries only the settings that mean
 * something for it, so the evaluation reads them without guessing defaults.
 */
public sealed interface GateCondition {

    /** How the files name each kind, in {@code when:}. */
    List<String> NAMES = List.of(OpenCorrectiveActions.NAME, EscalatedOverdue.NAME, RetrospectiveWithoutActions.NAME,
            FailureModeRecurred.NAME);

    /** The name the files use in {@code when:}, e.g. {@code open-corrective-actions}. */
    String name();

    /**
     * Corrective action items still open from the application's last retrospectives.
     *
     * @param scopes             the action-item scopes that count (as classification sets them), never empty
     * @param lastRetrospectives how many of the application's most recent retrospectives are looked at
     */
    record OpenCorrectiveActions(Set<Scope> scopes, int lastRetrospectives) implements GateCondition {
        public static final String NAME = "open-corrective-actions";

        public OpenCorrectiveActions {
            scopes = Set.copyOf(scopes);
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("open-corrective-actions needs at least one scope");
            }
            positive(lastRetrospectives);
        }

        @Override
        public String name() {
            return NAME;
        }

        /** Whether an item of this scope counts. */
        public boolean counts(Scope scope) {
            return scopes.contains(scope);
        }
    }

    /** Action items of the application escalated to a review board and still overdue. */
    record EscalatedOverdue() implements GateCondition {
        public static final String NAME = "escalated-overdue";

        @Override
        public String name() {
            return NAME;
        }
    }

    /**
     * A retrospective of the application that has been open longer than {@code olderThan} with no action item.
     *
     * @param lastRetrospectives how many of the application's most recent retrospectives are looked at
     */
    record RetrospectiveWithoutActions(Duration olderThan, int lastRetrospectives) implements GateCondition {
        public static final String NAME = "retrospective-without-actions";

        public RetrospectiveWithoutActions {
            Objects.requireNonNull(olderThan, "olderThan");
            if (olderThan.isNegative() || olderThan.isZero()) {
                throw new IllegalArgumentException("older-than must be positive");
            }
            positive(lastRetrospectives);
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    /**
     * A failure mode named in more than one of the application's last retrospectives.
     *
     * @param lastRetrospectives how many of the most recent retrospectives are compared; at least 2
     */
    record FailureModeRecurred(int lastRetrospectives) implements GateCondition {
        public static final String NAME = "failure-mode-recurred";

        public FailureModeRecurred {
            if (lastRetrospectives < 2) {
                throw new IllegalArgumentException("a recurrence needs at least 2 retrospectives to compare");
            }
        }

        @Override
        public String name() {
            return NAME;
        }
    }

    private static void positive(int lastRetrospectives) {
        if (lastRetrospectives < 1) {
            throw new IllegalArgumentException("last-retrospectives must be at least 1");
        }
    }
}
