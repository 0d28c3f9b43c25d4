package io.retrobridge.escalation;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

/** Escalation state, shared by every instance and kept across restarts. */
public interface EscalationStore {

    /**
     * Records that this scan takes (itemKey, ladderId, stepId), in state CLAIMED. Answers false, changing nothing,
     * when that step was ever claimed before (by this or any scan): the caller must then not write.
     */
    boolean claim(EscalationRecord claim);

    /** CLAIMED -> RAISED, with the ticket it produced (nulls when none). */
    void markRaised(UUID id, String ticketId, String ticketKey, Instant at, String note);

    /** CLAIMED -> PARKED with the error an admin will read. */
    void markParked(UUID id, Instant at, String error);

    /** PARKED -> CLAIMED again, when its dead letter is replayed; false when it was not parked. */
    boolean reclaim(UUID id);

    /** RAISED -> RESOLVED with the reason. */
    void markResolved(UUID id, Instant at, String note);

    /** Every step this item reached, oldest first. */
    List<EscalationRecord> forItem(String itemKey);

    /**
     * {@link #forItems} for the action items that are follow-ups of these retrospectives (their ServiceNow tasks'
     * links): what a report over many retrospectives needs, without naming every item.
     */
    Map<String, List<EscalationRecord>> forFollowUpsOf(Collection<UUID> retrospectiveIds);

    /** Every step each of these items reached, each item's oldest first; an item with none has no entry. */
    default Map<String, List<EscalationRecord>> forItems(Collection<String> itemKeys) {
        Map<String, List<EscalationRecord>> byItem = new LinkedHashMap<>();
        for (String itemKey : Set.copyOf(itemKeys)) {
            List<EscalationRecord> records = forItem(itemKey);
            if (!records.isEmpty()) {
                byItem.put(itemKey, records);
            }
        }
        return byItem;
    }

    /** CLAIMED and RAISED records, oldest first: what a scan must finish or may have to resolve. */
    List<EscalationRecord> unresolved();

    /** The CLAIMED and RAISED records of these items, oldest first. */
    default List<EscalationRecord> unresolvedOf(Collection<String> itemKeys) {
        Set<String> wanted = Set.copyOf(itemKeys);
        return unresolved().stream().filter(record -> wanted.contains(record.itemKey())).toList();
    }

    /** All records, newest first, optionally only one state, paged. */
    List<EscalationRecord> list(Optional<EscalationState> state, int offset, int limit);

    Optional<EscalationRecord> find(UUID id);

    /** The ticket listing a board's items for one cycle, if one was claimed. */
    Optional<GroupTicket> groupTicket(String groupKey);

    /** Like {@link #claim}: false when the cycle ticket was already claimed. */
    boolean claimGroupTicket(GroupTicket claim);

    /** Stores the ticket created, or the item list last written to it, or its resolution. */
    void updateGroupTicket(GroupTicket ticket);
}
