package io.retrobridge.insight.effectiveness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A retrospective with the action items the local store knows of.
 *
 * @param followUpsRead  whether the refresh job ever read its follow-ups (when not, its items are unknown)
 * @param tasksNotSynced follow-up tasks no synced link holds, so nothing is known of them
 */
public record TrackedRetrospective(String key, String application, Instant openedAt, boolean followUpsRead,
                                   int tasksNotSynced, List<TrackedItem> items) {

    public TrackedRetrospective {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(openedAt, "openedAt");
        items = List.copyOf(items);
    }

    /**
     * When its corrective actions landed: the start (in {@code zone}) of the day after the last of them closed.
     * Empty while any is open, when a closed one's closing day is unknown, or when it has no items.
     */
    public Optional<Instant> landedAt(ZoneId zone) {
        return landedAt(items, zone);
    }

    /** {@link #landedAt(ZoneId)} of some of its items (those of one failure mode). */
    static Optional<Instant> landedAt(List<TrackedItem> items, ZoneId zone) {
        if (items.isEmpty() || items.stream().anyMatch(item -> !item.closed() || item.completedOn() == null)) {
            return Optional.empty();
        }
        LocalDate last = items.stream().map(TrackedItem::completedOn).max(LocalDate::compareTo).orElseThrow();
        return Optional.of(last.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
