package io.retrobridge.flow;

import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.GroupTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The escalation store's contract kept in memory for the scan's tests: one claim per (item, ladder, step), state
 * moves only along CLAIMED -> RAISED -> RESOLVED and CLAIMED -> PARKED -> CLAIMED. Shared by every scan instance a
 * test makes, as the database is shared by instances and restarts.
 */
final class InMemoryEscalationStore implements EscalationStore {

    private final Map<UUID, EscalationRecord> records = new LinkedHashMap<>();
    private final Map<String, GroupTicket> groups = new LinkedHashMap<>();

    @Override
    public synchronized boolean claim(EscalationRecord claim) {
        boolean taken = records.values().stream().anyMatch(r -> r.itemKey().equals(claim.itemKey())
                && r.ladderId().equals(claim.ladderId()) && r.stepId().equals(claim.stepId()));
        if (taken) {
            return false;
        }
        records.put(claim.id(), claim);
        return true;
    }

    @Override
    public synchronized void markRaised(UUID id, String ticketId, String ticketKey, Instant at, String note) {
        EscalationRecord r = in(id, EscalationState.CLAIMED);
        records.put(id, new EscalationRecord(r.id(), r.itemKey(), r.ladderId(), r.stepId(), r.boardId(), r.kind(),
                r.ticketSystem(), ticketId, ticketKey, r.groupKey(), r.marker(), EscalationState.RAISED, r.daysOverdue(),
                r.claimedAt(), at, null, note));
    }

    @Override
    public synchronized void markParked(UUID id, Instant at, String error) {
        EscalationRecord r = in(id, EscalationState.CLAIMED);
        records.put(id, with(r, EscalationState.PARKED, null, error));
    }

    @Override
    public synchronized boolean reclaim(UUID id) {
        EscalationRecord r = records.get(id);
        if (r == null || r.state() != EscalationState.PARKED) {
            return false;
        }
        records.put(id, with(r, EscalationState.CLAIMED, null, r.note()));
        return true;
    }

    @Override
    public synchronized void markResolved(UUID id, Instant at, String note) {
        EscalationRecord r = in(id, EscalationState.RAISED);
        records.put(id, with(r, EscalationState.RESOLVED, at, note));
    }

    @Override
    public synchronized List<EscalationRecord> forItem(String itemKey) {
        return records.values().stream().filter(r -> r.itemKey().equals(itemKey)).toList();
    }

    @Override
    public synchronized List<EscalationRecord> unresolved() {
        return records.values().stream()
                .filter(r -> r.state() == EscalationState.CLAIMED || r.state() == EscalationState.RAISED).toList();
    }

    @Override
    public synchronized List<EscalationRecord> list(Optional<EscalationState> state, int offset, int limit) {
        List<EscalationRecord> all = new ArrayList<>(records.values().stream()
                .filter(r -> state.map(s -> s == r.state()).orElse(true)).toList());
        java.util.Collections.reverse(all);
        return all.stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized Optional<EscalationRecord> find(UUID id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized Optional<GroupTicket> groupTicket(String groupKey) {
        return Optional.ofNullable(groups.get(groupKey));
    }

    @Override
    public synchronized boolean claimGroupTicket(GroupTicket claim) {
        return groups.putIfAbsent(claim.groupKey(), claim) == null;
    }

    @Override
    public synchronized void updateGroupTicket(GroupTicket ticket) {
        groups.put(ticket.groupKey(), ticket);
    }

    synchronized List<EscalationRecord> all() {
        return List.copyOf(records.values());
    }

    private EscalationRecord in(UUID id, EscalationState expected) {
        EscalationRecord r = records.get(id);
        if (r == null || r.state() != expected) {
            throw new IllegalStateException("record " + id + " is " + (r == null ? "missing" : r.state()) + ", not "
                    + expected);
        }
        return r;
    }

    private static EscalationRecord with(EscalationRecord r, EscalationState state, Instant resolvedAt, String note) {
        return new EscalationRecord(r.id(), r.itemKey(), r.ladderId(), r.stepId(), r.boardId(), r.kind(),
                r.ticketSystem(), r.ticketId(), r.ticketKey(), r.groupKey(), r.marker(), state, r.daysOverdue(),
                r.claimedAt(), r.raisedAt(), resolvedAt, note);
    }
}
