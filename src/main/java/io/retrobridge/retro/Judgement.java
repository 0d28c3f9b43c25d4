package io.retrobridge.retro;

import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.sync.ReleaseFailures.FailedRelease;
import java.util.Objects;
import java.util.Optional;

/**
 * What the inclusion criteria decided for one release fact.
 *
 * @param trigger the retrospective to open; empty for none
 * @param reason  why, in words: the trigger's reason, or why none is needed
 * @param failure the failed release to count toward its program's threshold; empty when it does not count
 */
public record Judgement(Optional<RetrospectiveTrigger> trigger, String reason, Optional<FailedRelease> failure) {

    public Judgement {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failure, "failure");
    }

    static Judgement none(String reason) {
        return new Judgement(Optional.empty(), reason, Optional.empty());
    }

    static Judgement open(RetrospectiveTrigger trigger, Optional<FailedRelease> failure) {
        return new Judgement(Optional.of(trigger), trigger.reason(), failure);
    }
}
