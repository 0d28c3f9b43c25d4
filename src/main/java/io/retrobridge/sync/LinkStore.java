package io.retrobridge.sync;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Snapshot;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Where links live: one row per synced entity, changed only with optimistic locking. */
public interface LinkStore {

    /**
     * Stores a new link (version 0) with its external ids and snapshots, all or nothing.
     *
     * @throws DuplicateLinkException when another link already has this id, correlation id or one of these
     *                                external ids
     */
    Link insert(Link link);

    Optional<Link> findById(UUID id);

    /** The link that knows {@code ref}, if any; an external record belongs to at most one link. */
    Optional<Link> findByExternal(ExternalRef ref);

    Optional<Link> findByCorrelationId(String correlationId);

    /**
     * The links that know these records of {@code system}, by external id; ids no link knows are left out. One read
     * for many records, for answers that must not cost a query per item.
     */
    default Map<String, Link> findByExternalIds(ExternalSystem system, Collection<String> externalIds) {
        Map<String, Link> found = new LinkedHashMap<>();
        for (String externalId : externalIds) {
            findByExternal(new ExternalRef(system, externalId)).ifPresent(link -> found.put(externalId, link));
        }
        return found;
    }

    /** The snapshot fields a report over every action item reads: what state an item is in. */
    List<String> ITEM_STATE_FIELDS = List.of("status", "due-date", "failure-mode");

    /**
     * {@link #findByExternalIds} with each snapshot narrowed to {@link #ITEM_STATE_FIELDS}: reports over thousands of
     * items read these few fields, not every snapshot whole.
     */
    default Map<String, Link> findItemStatesByExternalIds(ExternalSystem system, Collection<String> externalIds) {
        Map<String, Link> narrowed = new LinkedHashMap<>();
        findByExternalIds(system, externalIds).forEach((externalId, link) -> {
            Map<ExternalSystem, Snapshot> snapshots = new TreeMap<>();
            link.snapshots().forEach((side, snapshot) -> {
                Map<String, String> fields = new TreeMap<>();
                ITEM_STATE_FIELDS.forEach(name -> {
                    if (snapshot.fields().get(name) != null) {
                        fields.put(name, snapshot.fields().get(name));
                    }
                });
                snapshots.put(side, new Snapshot(fields, snapshot.at()));
            });
            narrowed.put(externalId, new Link(link.id(), link.kind(), link.correlationId(), link.externalIds(),
                    snapshots, link.version()));
        });
        return narrowed;
    }

    /**
     * Replaces the stored link with {@code link} if the stored version is still {@code link.version()}.
     *
     * @return the link at its new version ({@code link.version() + 1})
     * @throws StaleLinkException     when someone else changed the link since it was read
     * @throws DuplicateLinkException when an external or correlation id now belongs to another link
     */
    Link update(Link link);

    long count();
}
