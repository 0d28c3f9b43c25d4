package io.retrobridge.mapping;

import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.Scope;

/**
 * One ordered classification rule: when its conditions hold, the item gets its outcome. Parts of the
 * outcome left out come from the default.
 *
 * @param scope        null to take the default's
 * @param kind         null to take the default's
 * @param releasePhase null to take the default's
 */
public record ClassificationRule(String id, String description, RuleCondition when, Scope scope, ActionKind kind,
                                 String releasePhase) {
}
