package io.retrobridge.flow.changes;

import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.ChangeIssues;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queues the mirror of every change whose Jira create was announced but never settled, once a look-up by its marker
 * can settle it: a create whose answer was lost while Jira's search lagged, so its event finished waiting.
 * {@link ChangeRecordMirror} then finds what landed, links it, and writes nothing twice. Run at start-up and then every {@code retrobridge.change-records.intent-sweep-interval} (routes/change-records.yaml).
 */
@Component("changeRecordIntentSweep")
public class ChangeIntentSweep {

    private static final Logger log = LoggerFactory.getLogger(ChangeIntentSweep.class);
    private static final int BATCH = 500;

    private final WriteIntents intents;
    private final ChangeIssues issues;
    private final EventInbox inbox;
    private final Clock clock;

    public ChangeIntentSweep(WriteIntents intents, ChangeIssues issues, EventInbox inbox, Optional<Clock> clock) {
        this.intents = intents;
        this.issues = issues;
        this.inbox = inbox;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Queues the changes whose open intents can be settled now; returns how many were queued. */
    public int sweep() {
        Instant now = clock.instant();
        int queued = 0;
        for (WriteIntent intent : intents.open(BATCH)) {
            // An interrupted update is written again by the event that was running it, which stays unfinished.
            if (!ChangeMarkers.isMarker(intent.marker()) || !intent.creates()
                    || now.isBefore(intent.attemptedAt().plus(issues.lookupSettleTime()))) {
                continue;
            }
            String changeSysId = intent.subject().id();
            InboundEvent settle = InboundEvent.received(intent.subject().system(), ChangeRecordMirror.SETTLE_KIND,
                    changeSysId, "settle-intent:" + intent.journalId(), now, "{}");
            if (inbox.accept(settle)) {
                queued++;
                log.info("Queued the mirror of change {} to settle the create announced in journal entry {}",
                        changeSysId, intent.journalId());
            }
        }
        return queued;
    }
}
