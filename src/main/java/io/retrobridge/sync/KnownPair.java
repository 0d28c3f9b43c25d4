package io.retrobridge.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the link remembers about both sides, oriented to an observation: the canonical values last seen or
 * written on the observing side and on the other side, and when the other side last changed.
 * {@code currentOnTarget}, when given, is the other side as just read back, which catches a change the
 * connector has not been told about yet.
 */
public record KnownPair(Map<String, String> lastOnSource, Map<String, String> lastOnTarget, Instant targetChangedAt,
        Optional<Map<String, String>> currentOnTarget) {

    public KnownPair {
        lastOnSource = Map.copyOf(lastOnSource);
        lastOnTarget = Map.copyOf(lastOnTarget);
        currentOnTarget = currentOnTarget.map(Map::copyOf);
    }

    public KnownPair(Map<String, String> lastOnSource, Map<String, String> lastOnTarget, Instant targetChangedAt) {
        this(lastOnSource, lastOnTarget, targetChangedAt, Optional.empty());
    }

    Map<String, String> targetNow() {
        return currentOnTarget.orElse(lastOnTarget);
    }
}
