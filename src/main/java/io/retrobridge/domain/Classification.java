package io.retrobridge.domain;

import java.util.Objects;

/**
 * What an action item is about, as decided by a classification rule.
 *
 * @param ruleId the id of the rule that decided it, or {@code "default"} when no rule matched
 */
public record Classification(Scope scope, ActionKind kind, String releasePhase, String ruleId) {

    public Classification {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        ReleasePhase.requireValid(releasePhase);
        if (ruleId == null || ruleId.isBlank()) {
            throw new IllegalArgumentException("A classification names the rule that made it; ruleId is empty");
        }
    }
}
