package io.retrobridge.insight.pir;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.DedupKeys;
import io.retrobridge.sync.EventInbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Queues {@code pir:collect} inbox events, each held back until the figures it needs exist. The triggers, the retry
 * of a collection the monitoring could not answer and the API all queue through here.
 */
@Component
public class PirQueue {

    /** The source of the events: RetroBridge itself. */
    public static final ExternalSystem SOURCE = ExternalSystem.valueOf("RETROBRIDGE");

    private final EventInbox inbox;
    private final Clock clock;

    public PirQueue(EventInbox inbox, Optional<Clock> clock) {
        this.inbox = inbox;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * The entity the events are queued under: the release key behind a prefix of its own, so a collection waiting
     * for its after-window never holds back the release's retrospective (queued under the bare key by the same
     * source).
     */
    public static String entityOf(String key) {
        return "pir:" + key;
    }

    /**
     * Queues a collection, claimable from {@code notBefore} on.
     *
     * @param occasion what identifies this collection among the release's others (the run, the change version, the
     *                 retry); the same occasion queued again is stored once
     * @return false when the same occasion was queued before
     */
    public boolean queue(PirRequest request, String occasion, Instant notBefore) {
        InboundEvent event = InboundEvent.received(SOURCE, PirRequest.KIND, entityOf(request.key()),
                DedupKeys.of(PirRequest.KIND, request.key(), occasion), clock.instant(), request.toJson());
        return inbox.accept(event, notBefore);
    }
}
