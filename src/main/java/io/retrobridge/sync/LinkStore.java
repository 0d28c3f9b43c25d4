package io.retrobridge.sync;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
