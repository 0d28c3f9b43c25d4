package io.retrobridge.flow.writes;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.CorrelationIds;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queues a sync of every action item with a write announced but never settled, once a look-up by its marker can
 * settle it: a create whose answer was lost and that had to wait for Jira's search to catch up, or a write a crash
 * interrupted after its event was finished. The sync settles it (finds what was written, records it, writes nothing
 * twice). Run at start-up and then every {@code retrobridge.sync.intent-sweep-interval} (routes/action-item-sync.yaml).
 * Escalation writes (tickets, item markers) are not queued: the next escalation scan settles its own.
 */
@Component("intentSweep")
public class IntentSweep {

    /** The event kind of a queued settlement; once per intent (its dedup key names the intent). */
    public static final String KIND = "retrobridge:settle-intent";
    private static final Logger log = LoggerFactory.getLogger(IntentSweep.class);
    private static final int BATCH = 200;

    private final WriteIntents intents;
    private final CreateSettleTimes settleTimes;
    private final EventInbox inbox;
    private final Clock clock;

    public IntentSweep(WriteIntents intents, CreateSettleTimes settleTimes, EventInbox inbox, Optional<Clock> clock) {
        this.intents = intents;
        this.settleTimes = settleTimes;
        this.inbox = inbox;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Queues the items whose open intents can be settled now; returns how many were queued. */
    public int sweep() {
        int queued = 0;
        for (WriteIntent intent : intents.open(BATCH)) {
            if (!CorrelationIds.isMarker(intent.marker()) || !settleTimes.conclusive(intent, clock.instant())) {
                continue;
            }
            InboundEvent settle = InboundEvent.received(intent.subject().system(), KIND, intent.subject().id(),
                    "settle-intent:" + intent.journalId(), clock.instant(), "{}");
            if (inbox.accept(settle)) {
                queued++;
                log.info("Queued a sync of {} to settle the {} on {} announced in journal entry {}", intent.subject(),
                        intent.operation().name().toLowerCase(java.util.Locale.ROOT), intent.target(), intent.journalId());
            }
        }
        return queued;
    }
}
