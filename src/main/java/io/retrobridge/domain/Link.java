package io.retrobridge.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One entity known in several systems: its id in each, the last canonical snapshot written or seen per side,
 * and a version that moves with every stored change (optimistic locking). The correlation id is the mark we
 * stamp on every record we create, so a create interrupted before the link was written is found, not repeated.
 */
public record Link(UUID id, EntityKind kind, String correlationId, Map<ExternalSystem, String> externalIds,
                   Map<ExternalSystem, Snapshot> snapshots, long version) {

    public Link {
        RecordArguments.required(id, "id");
        RecordArguments.required(kind, "kind");
        RecordArguments.identifier(correlationId, "correlationId");
        externalIds = checkedIds(externalIds);
        snapshots = checkedSnapshots(snapshots);
        if (version < 0) {
            throw new IllegalArgumentException("version must be 0 or more but was " + version);
        }
    }

    /** A link not stored yet: a fresh id, no external ids, no snapshots, version 0. */
    public static Link newLink(EntityKind kind, String correlationId) {
        return new Link(UUID.randomUUID(), kind, correlationId, Map.of(), Map.of(), 0);
    }

    public Optional<String> idOn(ExternalSystem system) {
        return Optional.ofNullable(externalIds.get(RecordArguments.required(system, "system")));
    }

    public Optional<ExternalRef> refOn(ExternalSystem system) {
        return idOn(system).map(externalId -> new ExternalRef(system, externalId));
    }

    public Optional<Snapshot> snapshotOn(ExternalSystem system) {
        return Optional.ofNullable(snapshots.get(RecordArguments.required(system, "system")));
    }

    /** This link knowing its record on {@code system}; same version, since nothing is stored yet. */
    public Link withExternalId(ExternalSystem system, String externalId) {
        TreeMap<ExternalSystem, String> ids = sortedCopy(externalIds);
        ids.put(RecordArguments.required(system, "system"), externalId);
        return new Link(id, kind, correlationId, ids, snapshots, version);
    }

    /** This link remembering {@code snapshot} as last written to or seen on {@code system}. */
    public Link withSnapshot(ExternalSystem system, Snapshot snapshot) {
        TreeMap<ExternalSystem, Snapshot> copy = sortedCopy(snapshots);
        copy.put(RecordArguments.required(system, "system"), RecordArguments.required(snapshot, "snapshot"));
        return new Link(id, kind, correlationId, externalIds, copy, version);
    }

    /** The same content at the version the store gave it. */
    public Link atVersion(long newVersion) {
        return new Link(id, kind, correlationId, externalIds, snapshots, newVersion);
    }

    private static Map<ExternalSystem, String> checkedIds(Map<ExternalSystem, String> ids) {
        RecordArguments.required(ids, "externalIds");
        TreeMap<ExternalSystem, String> copy = new TreeMap<>();
        ids.forEach((system, externalId) -> copy.put(RecordArguments.required(system, "external id system"),
                RecordArguments.identifier(externalId, "id on " + system)));
        return Collections.unmodifiableMap(copy);
    }

    private static Map<ExternalSystem, Snapshot> checkedSnapshots(Map<ExternalSystem, Snapshot> snapshots) {
        RecordArguments.required(snapshots, "snapshots");
        TreeMap<ExternalSystem, Snapshot> copy = new TreeMap<>();
        snapshots.forEach((system, snapshot) -> copy.put(RecordArguments.required(system, "snapshot system"),
                RecordArguments.required(snapshot, "snapshot of " + system)));
        return Collections.unmodifiableMap(copy);
    }

    private static <V> TreeMap<ExternalSystem, V> sortedCopy(Map<ExternalSystem, V> source) {
        TreeMap<ExternalSystem, V> copy = new TreeMap<>();
        copy.putAll(source);
        return copy;
    }
}
