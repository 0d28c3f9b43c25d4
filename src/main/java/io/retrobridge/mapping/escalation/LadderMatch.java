package io.retrobridge.mapping.escalation;

import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.Priority;
import io.retrobridge.domain.Scope;
import java.util.Set;

/** Which items a ladder is for. An empty set matches anything, so a ladder with all three empty is a catch-all. */
public record LadderMatch(Set<Scope> scopes, Set<ActionKind> kinds, Set<Priority> priorities) {

    public LadderMatch {
        scopes = Set.copyOf(scopes);
        kinds = Set.copyOf(kinds);
        priorities = Set.copyOf(priorities);
    }

    public static LadderMatch any() {
        return new LadderMatch(Set.of(), Set.of(), Set.of());
    }
}
