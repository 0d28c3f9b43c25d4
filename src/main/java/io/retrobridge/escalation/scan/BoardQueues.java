package io.retrobridge.escalation.scan;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.mapping.escalation.BoardQueue;
import io.retrobridge.sync.BoardQueueGateway;
import io.retrobridge.sync.SideRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queues review boards work from: a ServiceNow table with an assignment group, or a Jira project with an issue
 * type. Creates, finds (by the marker every ticket carries), rewrites and resolves board tickets, through the queue
 * port of the board's system.
 */
final class BoardQueues {

    /** A ticket in a board's queue. */
    record Ticket(ExternalSystem system, String id, String key) {
    }

    private final Map<ExternalSystem, BoardQueueGateway> queues = new HashMap<>();

    BoardQueues(List<BoardQueueGateway> queues) {
        queues.forEach(queue -> this.queues.put(queue.system(), queue));
    }

    Ticket create(Board board, String title, String body, String marker) {
        BoardQueue queue = board.queue();
        return ticket(queue, gateway(queue).open(queue, title, body, marker));
    }

    /**
     * A ticket we created earlier with this marker (a create whose result a crash lost). Markers are derived from
     * item keys, so anyone could put one on a ticket: only one the integration account created counts.
     */
    Optional<Ticket> find(Board board, String marker) {
        BoardQueue queue = board.queue();
        return gateway(queue).findOurs(queue, marker).map(record -> ticket(queue, record));
    }

    /** Rewrites a ticket's text (a cycle ticket whose item list changed). */
    void rewrite(Board board, Ticket ticket, String title, String body) {
        queues.get(ticket.system()).rewrite(board.queue(), ticket.id(), title, body);
    }

    /** Says why in the ticket, then closes it: ServiceNow Closed Complete with close notes, Jira Done. */
    void resolve(Board board, Ticket ticket, String note) {
        queues.get(ticket.system()).resolve(board.queue(), ticket.id(), note);
    }

    private BoardQueueGateway gateway(BoardQueue queue) {
        return queues.get(queue.system());
    }

    private static Ticket ticket(BoardQueue queue, SideRecord record) {
        return new Ticket(queue.system(), record.id(), record.displayKey());
    }
}
