package io.retrobridge.escalation.scan;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.escalation.scan.BoardQueues.Ticket;
import io.retrobridge.flow.writes.CreateNotSettledException;
import io.retrobridge.flow.writes.CreateSettleTimes;
import io.retrobridge.flow.writes.WriteAnnouncements;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens board tickets once and only once. Every create is announced in the journal first, with the marker the ticket
 * carries; a create whose answer was lost (or a scan that died after it) is settled by looking the marker up before
 * anything is created again. On a Jira board that look-up is a search, which may not show a new issue yet, so a miss
 * counts only once it was made {@code retrobridge.jira.search-settle-time} after the attempt; until then the step
 * waits for the next scan.
 */
final class BoardTickets {

    /** A ticket to record, and the announcement its record settles. */
    record Opened(Ticket ticket, boolean foundEarlier, List<WriteIntent> settles) {
    }

    private final BoardQueues queues;
    private final WriteAnnouncements announcements;
    private final CreateSettleTimes settleTimes;
    private final Journal journal;
    private final Clock clock;

    BoardTickets(BoardQueues queues, WriteAnnouncements announcements, CreateSettleTimes settleTimes, Journal journal,
            Clock clock) {
        this.queues = queues;
        this.journal = journal;
        this.announcements = announcements;
        this.settleTimes = settleTimes;
        this.clock = clock;
    }

    /**
     * The ticket with this marker: found if an earlier attempt (or {@code mayExist}: a claim a crash left) made it,
     * otherwise created now.
     *
     * @param subject the record the ticket is about, named in the journal
     * @throws CreateNotSettledException when an earlier create may have landed but the look-up cannot show it yet
     */
    Opened open(Board board, String marker, boolean mayExist, String title, String body, ExternalRef subject,
            UUID linkId, List<String> rules) {
        Instant lookedAt = clock.instant();
        List<WriteIntent> earlier = announcements.openFor(marker);
        Optional<Ticket> found = mayExist || !earlier.isEmpty() ? queues.find(board, marker) : Optional.empty();
        if (found.isPresent()) {
            return new Opened(found.get(), true, earlier);
        }
        for (WriteIntent attempt : earlier) {
            if (attempt.creates() && !settleTimes.conclusive(attempt, lookedAt)) {
                throw new CreateNotSettledException(attempt.target(), marker, attempt.journalId(),
                        settleTimes.conclusiveFrom(attempt));
            }
        }
        announcements.settle(earlier, linkId, subject, JournalAction.SKIPPED, "an earlier create of the "
                + board.name() + " ticket " + marker + " did not land: a look-up made at " + lookedAt
                + ", after the settle time, found nothing", rules, null);
        WriteIntent intent = announcements.announce(linkId, subject, Operation.CREATE, board.queue().system(), null,
                marker, "about to open a " + board.name() + " ticket (marker " + marker + "): " + title, rules, null);
        return new Opened(queues.create(board, title, body, marker), false, List.of(intent));
    }

    /** Announces a write to an existing ticket (a rewrite, a resolution) before it is sent. */
    void announce(String marker, Operation operation, Ticket ticket, String summary, List<String> rules) {
        announcements.announce(null, new ExternalRef(ticket.system(), ticket.id()), operation, ticket.system(),
                ticket.id(), marker, summary, rules, null);
    }

    /** The ticket's journal entry, settling every write announced for it that is still open. */
    void settleAll(String marker, ExternalRef ticket, String summary, List<String> rules) {
        List<WriteIntent> announced = announcements.openFor(marker);
        if (announced.isEmpty()) {
            journal.append(JournalEntry.of(clock.instant(), null, ticket, JournalAction.WROTE, summary, rules, null));
        } else {
            announcements.settle(announced, null, ticket, JournalAction.WROTE, summary, rules, null);
        }
    }

    /** Records what came of the announced create with the entry that says so. */
    void settle(Opened opened, UUID linkId, ExternalRef subject, String summary, List<String> rules) {
        announcements.settle(opened.settles(), linkId, subject, JournalAction.WROTE, summary, rules, null);
    }
}
