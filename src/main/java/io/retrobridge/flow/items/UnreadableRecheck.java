package io.retrobridge.flow.items;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.SideGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads unreadable linked records again ({@code routes/unreadable-recheck.yaml}) and queues an event for each that
 * reads again, so that once a permission is given back the changes skipped meanwhile on either side are synced
 * through the inbox like any other event, without waiting for someone's next edit. Only reads; every write stays
 * with the sync.
 */
@Component("unreadableRecheck")
public class UnreadableRecheck {

    static final String KIND = "recheck:readable-again";
    private static final Logger log = LoggerFactory.getLogger(UnreadableRecheck.class);
    /** Records read per round; the rest wait for the next round, oldest first. */
    private static final int PER_ROUND = 50;

    private final UnreadableRecords unreadable;
    private final Map<ExternalSystem, SideGateway> sides = new TreeMap<>();
    private final CurrentMappings mappings;
    private final EventInbox inbox;
    private final Clock clock;

    public UnreadableRecheck(UnreadableRecords unreadable, List<SideGateway> sides, CurrentMappings mappings,
            EventInbox inbox, Optional<Clock> clock) {
        this.unreadable = unreadable;
        sides.forEach(side -> this.sides.put(side.system(), side));
        this.mappings = mappings;
        this.inbox = inbox;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** One round; answers how many records read again and were queued. */
    public int recheck() {
        ActionItemMapping mapping = mappings.actionItems();
        int queued = 0;
        for (ExternalRef ref : unreadable.nextToLookAt(PER_ROUND)) {
            try {
                if (sides.get(ref.system()).read(ref.id(), mapping).isPresent()) {
                    Instant now = clock.instant();
                    queued += inbox.accept(InboundEvent.received(ref.system(), KIND, ref.id(),
                            KIND + ":" + ref.system() + ":" + ref.id() + ":" + now.toEpochMilli(), now, "")) ? 1 : 0;
                }
            } catch (RuntimeException unavailable) {
                // The system is down or refusing calls: nothing to learn this round; the record keeps its place.
                log.debug("Could not read {} again: {}", ref, unavailable.toString());
                break;
            }
        }
        if (queued > 0) {
            log.info("{} linked record(s) that answered 404 read again; their items are synced now", queued);
        }
        return queued;
    }
}
