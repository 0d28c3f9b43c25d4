package io.retrobridge.sync;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.mapping.ActionItemMapping;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one poll page asks at once about the records it read that are new to the inbox and not linked yet: whether
 * the other side holds a copy of each (by correlation id), in one question for the whole page rather than one per
 * record when each is synced. The answers travel in the records' events.
 */
public final class PageLookups {

    private static final Logger log = LoggerFactory.getLogger(PageLookups.class);

    private PageLookups() {
    }

    /** Of {@code ids} (records of {@code system}), those no link holds. */
    public static List<String> unlinked(ExternalSystem system, Collection<String> ids, LinkStore links) {
        List<String> unlinked = new ArrayList<>();
        for (String id : ids) {
            if (links.findByExternal(new ExternalRef(system, id)).isEmpty()) {
                unlinked.add(id);
            }
        }
        return unlinked;
    }

    /** The side that is not {@code system}, among the registered ones. */
    public static Optional<SideGateway> counterpartOf(ExternalSystem system, Collection<SideGateway> sides) {
        return sides.stream().filter(side -> side.system() == SyncPair.ACTION_ITEMS.counterpart(system)).findFirst();
    }

    /**
     * Record id to what {@code counterpart} holds for that record's correlation id, asked in one call. The look-up
     * only saves requests: when it fails, the answer is empty and each record's sync looks up on its own.
     */
    public static Map<String, CounterpartLookup> counterparts(ExternalSystem system, Collection<String> ids,
            SideGateway counterpart, ActionItemMapping mapping, Clock clock) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> markers = new LinkedHashMap<>();
        ids.forEach(id -> markers.put(id, CorrelationIds.forOrigin(new ExternalRef(system, id))));
        // Before the question is sent: a "nothing found" proves a create did not land only from this time on.
        Instant lookedAt = clock.instant();
        Map<String, String> found;
        try {
            found = counterpart.idsByCorrelation(markers.values(), mapping);
        } catch (RuntimeException e) {
            log.warn("Could not look up the copies of {} {} record(s) on {} in one question; each is looked up when it "
                    + "is synced: {}", ids.size(), system, counterpart.system(), e.toString());
            return Map.of();
        }
        Map<String, CounterpartLookup> lookups = new LinkedHashMap<>();
        markers.forEach((id, marker) -> lookups.put(id,
                new CounterpartLookup(marker, lookedAt, Optional.ofNullable(found.get(marker)))));
        return lookups;
    }
}
