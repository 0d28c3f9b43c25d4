package io.retrobridge.escalation.scan;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.escalation.EscalationMarkers;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.escalation.GroupTicket;
import io.retrobridge.escalation.scan.BoardQueues.Ticket;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.TicketText;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntent;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One ticket per board and review cycle: created with its first item, rewritten as the list changes. */
final class CycleTickets {

    /** Logged under the scan's name, where operators already look for its warnings. */
    private static final Logger log = LoggerFactory.getLogger(EscalationScan.class);

    private final EscalationStore store;
    private final BoardTickets tickets;
    private final BoardQueues queues;
    private final Journal journal;
    private final Clock clock;

    CycleTickets(EscalationStore store, BoardTickets tickets, BoardQueues queues, Journal journal, Clock clock) {
        this.store = store;
        this.tickets = tickets;
        this.queues = queues;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Brings the cycle tickets of the groups a scan listed items on or resolved items of up to date.
     *
     * @param items the scan's items by key, to word the tickets' lists
     */
    void maintain(Set<String> touchedGroups, EscalationPolicy policy, ScanPlanning planning,
            Map<String, ScannedItem> items, ScanTally tally) {
        if (touchedGroups.isEmpty()) {
            return;
        }
        List<EscalationRecord> open = store.unresolved();
        for (String groupKey : touchedGroups) {
            try {
                maintain(groupKey, open, policy, planning, items, tally);
            } catch (RuntimeException e) {
                String error = EscalationFailures.describe(e);
                tally.retrying++;
                log.warn("Cycle ticket {} could not be updated; the next scan tries again: {}", groupKey, error);
                ExternalSystem system = policy.boards().containsKey(boardOf(groupKey))
                        ? policy.board(boardOf(groupKey)).queue().system() : ExternalSystem.SERVICENOW;
                journal.append(JournalEntry.of(clock.instant(), null, new ExternalRef(system,
                        EscalationMarkers.groupMarker(groupKey)), JournalAction.ERROR, "Cycle ticket "
                        + groupKey + " could not be updated; the next scan tries again: " + error,
                        List.of(), null));
            }
        }
    }

    /**
     * Groups with items listed whose ticket is claimed but not open yet: its create failed, or its answer was lost.
     * Taken up by every scan, not only by one that lists or resolves an item of the group.
     */
    Set<String> unopened() {
        Set<String> groups = new LinkedHashSet<>();
        store.unresolved().stream()
                .filter(r -> r.groupKey() != null && r.state() == EscalationState.RAISED)
                .map(EscalationRecord::groupKey)
                .distinct()
                .filter(groupKey -> store.groupTicket(groupKey)
                        .map(ticket -> ticket.ticketId() == null && !ticket.resolved()).orElse(false))
                .forEach(groups::add);
        return groups;
    }

    private void maintain(String groupKey, List<EscalationRecord> open, EscalationPolicy policy,
            ScanPlanning planning, Map<String, ScannedItem> items, ScanTally tally) {
        List<String> listed = open.stream()
                .filter(r -> groupKey.equals(r.groupKey()) && r.state() == EscalationState.RAISED)
                .sorted(Comparator.comparing(EscalationRecord::raisedAt))
                .map(EscalationRecord::itemKey).distinct().toList();
        int slash = groupKey.indexOf('/');
        String boardId = groupKey.substring(0, slash);
        Board board = policy.board(boardId);
        Optional<GroupTicket> known = store.groupTicket(groupKey);
        if (known.isEmpty()) {
            if (listed.isEmpty()) {
                return;
            }
            GroupTicket claim = new GroupTicket(groupKey, boardId, groupKey.substring(slash + 1),
                    board.queue().system(), null, null, EscalationMarkers.groupMarker(groupKey), List.of(), false,
                    clock.instant());
            if (!store.claimGroupTicket(claim)) {
                tally.skip(groupKey, "cycle ticket taken by another scan");
                return;
            }
            known = Optional.of(claim);
        }
        GroupTicket ticket = known.get();
        if (ticket.resolved()) {
            if (!listed.isEmpty()) {
                tally.skip(groupKey, "the cycle ticket was resolved already; items listed later wait for the next cycle");
            }
            return;
        }
        List<EscalationSubject> subjects = listed.stream().map(items::get).filter(Objects::nonNull)
                .map(ScannedItem::subject).toList();
        if (ticket.ticketId() == null) {
            if (listed.isEmpty()) {
                return;
            }
            TicketText text = planning.groupTicketText(ticket, subjects);
            BoardTickets.Opened opened = tickets.open(board, ticket.marker(), true, text.title(), text.body(),
                    new ExternalRef(board.queue().system(), ticket.marker()), null, List.of(groupKey));
            Ticket created = opened.ticket();
            store.updateGroupTicket(new GroupTicket(groupKey, boardId, ticket.cycle(), created.system(),
                    created.id(), created.key(), ticket.marker(), listed, false, clock.instant()));
            String summary = "Opened cycle ticket " + created.key() + " for " + board.name() + " (" + groupKey
                    + ") listing " + listed.size() + " item(s)";
            if (opened.settles().isEmpty()) {
                journal.append(JournalEntry.of(clock.instant(), null, new ExternalRef(created.system(), created.id()),
                        JournalAction.WROTE, summary, List.of(groupKey), null));
            } else {
                tickets.settle(opened, null, new ExternalRef(created.system(), created.id()), summary, List.of(groupKey));
            }
            tally.raised++;
            return;
        }
        if (listed.equals(ticket.itemKeys())) {
            return;
        }
        Ticket existing = new Ticket(ticket.ticketSystem(), ticket.ticketId(), ticket.ticketKey());
        if (listed.isEmpty()) {
            String note = "Every item on this cycle ticket was completed or is no longer overdue";
            tickets.announce(ticket.marker(), WriteIntent.Operation.TRANSITION, existing, "about to resolve cycle ticket "
                    + existing.key() + ": " + note, List.of(groupKey));
            queues.resolve(board, existing, note);
            store.updateGroupTicket(new GroupTicket(groupKey, boardId, ticket.cycle(), ticket.ticketSystem(),
                    ticket.ticketId(), ticket.ticketKey(), ticket.marker(), List.of(), true, clock.instant()));
            tickets.settleAll(ticket.marker(), new ExternalRef(existing.system(), existing.id()),
                    "Resolved cycle ticket " + existing.key() + ": " + note, List.of(groupKey));
            tally.resolved++;
            return;
        }
        TicketText text = planning.groupTicketText(ticket, subjects);
        tickets.announce(ticket.marker(), WriteIntent.Operation.UPDATE, existing, "about to rewrite cycle ticket "
                + existing.key() + ": now " + listed.size() + " item(s)", List.of(groupKey));
        queues.rewrite(board, existing, text.title(), text.body());
        store.updateGroupTicket(new GroupTicket(groupKey, boardId, ticket.cycle(), ticket.ticketSystem(),
                ticket.ticketId(), ticket.ticketKey(), ticket.marker(), listed, false, clock.instant()));
        tickets.settleAll(ticket.marker(), new ExternalRef(existing.system(), existing.id()), "Updated cycle ticket "
                + existing.key() + ": now " + listed.size() + " item(s)", List.of(groupKey));
    }

    private static String boardOf(String groupKey) {
        int slash = groupKey.indexOf('/');
        return slash < 0 ? groupKey : groupKey.substring(0, slash);
    }
}
