package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Events an {@link EventHandler} takes: those of one kind, or of every kind that starts with a prefix (a source that
 * names more in its kinds, as ServiceNow names the table in {@code servicenow:<table>:<operation>}), from one source
 * or from any. Where two overlap, the narrower takes what both would: {@code servicenow:change_request:} goes to
 * its own handler even though another takes every {@code servicenow:} kind.
 *
 * @param kind   the kind, or the start of the kinds when {@code prefix}
 * @param prefix whether every kind starting with {@code kind} is taken
 * @param source the system the events come from; null for any
 */
public record HandledKind(String kind, boolean prefix, ExternalSystem source) {

    public HandledKind {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("the kind a handler takes is required but was "
                    + (kind == null ? "null" : "blank"));
        }
    }

    /** Events of exactly this kind, from any source. */
    public static HandledKind named(String kind) {
        return new HandledKind(kind, false, null);
    }

    /** Events of every kind starting with {@code prefix}, from any source. */
    public static HandledKind startingWith(String prefix) {
        return new HandledKind(prefix, true, null);
    }

    /** The same kinds, from {@code source} only. */
    public HandledKind from(ExternalSystem source) {
        return new HandledKind(kind, prefix, Objects.requireNonNull(source, "source"));
    }

    public boolean takes(InboundEvent event) {
        return (source == null || source.equals(event.source()))
                && (prefix ? event.kind().startsWith(kind) : event.kind().equals(kind));
    }

    /** Whether some event would be taken by both. */
    public boolean overlaps(HandledKind other) {
        if (source != null && other.source != null && !source.equals(other.source)) {
            return false;
        }
        if (prefix && other.prefix) {
            return kind.startsWith(other.kind) || other.kind.startsWith(kind);
        }
        if (prefix) {
            return other.kind.startsWith(kind);
        }
        return other.prefix ? kind.startsWith(other.kind) : kind.equals(other.kind);
    }

    /**
     * Whether every event this takes is also taken by {@code other}, and {@code other} takes more: a longer prefix or
     * an exact kind within a prefix, or one source where the other takes any. Of two overlapping kinds where neither
     * is narrower, no handler can be preferred.
     */
    public boolean narrowerThan(HandledKind other) {
        boolean kindWithin = prefix ? other.prefix && kind.startsWith(other.kind)
                : other.prefix ? kind.startsWith(other.kind) : kind.equals(other.kind);
        boolean sourceWithin = other.source == null || other.source.equals(source);
        boolean sameKinds = prefix == other.prefix && kind.equals(other.kind);
        boolean sameSources = Objects.equals(source, other.source);
        return kindWithin && sourceWithin && !(sameKinds && sameSources);
    }

    /**
     * Of {@code byKind}'s values, the one whose kind takes {@code event}, the narrowest where several do; empty when
     * none does.
     */
    public static <T> Optional<T> narrowestFor(InboundEvent event, Map<HandledKind, T> byKind) {
        Map.Entry<HandledKind, T> chosen = null;
        for (Map.Entry<HandledKind, T> entry : byKind.entrySet()) {
            if (entry.getKey().takes(event) && (chosen == null || entry.getKey().narrowerThan(chosen.getKey()))) {
                chosen = entry;
            }
        }
        return Optional.ofNullable(chosen).map(Map.Entry::getValue);
    }

    @Override
    public String toString() {
        return (prefix ? "kinds starting with " + kind : "kind " + kind) + " from "
                + (source == null ? "any source" : "source " + source);
    }
}
