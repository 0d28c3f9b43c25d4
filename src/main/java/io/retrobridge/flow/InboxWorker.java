package io.retrobridge.flow;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.Journal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Works through the inbox: each stored event is applied, skipped with its reason, or parked as a dead
 * letter with the error. Calls are retried inside the transport before an error reaches here, so an
 * error here is one that retrying soon would not cure; the dead letter can be replayed once it is.
 */
@Component("inboxWorker")
public class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final int BATCH = 20;
    /** A claim older than this belongs to a worker that died; its events are offered again. */
    private static final Duration ABANDONED_CLAIM = Duration.ofMinutes(5);

    private final EventInbox inbox;
    private final ActionItemSync sync;
    private final CommentSync comments;
    private final DeadLetterStore deadLetters;
    private final Journal journal;
    private final Clock clock;

    public InboxWorker(EventInbox inbox, ActionItemSync sync, CommentSync comments, DeadLetterStore deadLetters,
            Journal journal, Optional<Clock> clock) {
        this.inbox = inbox;
        this.sync = sync;
        this.comments = comments;
        this.deadLetters = deadLetters;
        this.journal = journal;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Processes waiting events until none are left or {@code max} were done; returns how many. */
    public int drain(int max) {
        inbox.releaseClaimsBefore(clock.instant().minus(ABANDONED_CLAIM));
        int done = 0;
        while (done < max) {
            List<InboundEvent> claimed = inbox.claimNext(Math.min(BATCH, max - done));
            if (claimed.isEmpty()) {
                break;
            }
            claimed.forEach(this::handle);
            done += claimed.size();
        }
        return done;
    }

    public int drain() {
        return drain(500);
    }

    private void handle(InboundEvent event) {
        try {
            SyncResult result = sync.process(event);
            // After the item, so a newly created item's comments follow it in the same event.
            int copied = comments.syncCommentsOf(event.entity());
            if (copied > 0) {
                result = new SyncResult(InboxOutcome.APPLIED, result.reason() + "; copied " + copied + " comment(s)");
            }
            inbox.complete(event.id(), result.outcome(), result.reason());
        } catch (RuntimeException e) {
            String error = describe(e);
            log.warn("Parked {} {} for {} {}: {}", event.source(), event.kind(), event.source(), event.entityId(), error);
            deadLetters.park(DeadLetter.park(event, error, 1, clock.instant()));
            journal.append(JournalEntry.of(clock.instant(), null, event.entity(), JournalAction.PARKED,
                    "parked in the dead-letter store: " + error, List.of(), event.kind()));
            inbox.complete(event.id(), InboxOutcome.PARKED, error);
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) + "..." : message;
    }
}
