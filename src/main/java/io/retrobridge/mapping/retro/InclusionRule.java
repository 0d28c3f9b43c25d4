package io.retrobridge.mapping.retro;

import java.util.Optional;

/**
 * One rule of {@code retrospectives.yaml}: what it matches and what follows, a retrospective of a tier due some days
 * after the release ended, or none (an exclusion).
 *
 * @param tier          the tier's id; empty for an exclusion
 * @param due           null for an exclusion
 * @param failedRelease whether a release it matches counts toward its program's threshold
 */
public record InclusionRule(String id, RuleMatch when, Optional<String> tier, DueIn due, boolean failedRelease) {

    /** Whether the rule says the releases it matches need no retrospective. */
    public boolean excludes() {
        return tier.isEmpty();
    }
}
