package io.retrobridge.sync;

import io.retrobridge.domain.InboundEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Durable intake of events from webhooks and polls. An event is stored before its delivery is acknowledged,
 * stored once however often it is delivered, and handed out so that events for one entity are applied one at a
 * time, oldest first.
 */
public interface EventInbox {

    /**
     * Stores the event durably (committed when this returns, whatever transaction the caller is in).
     *
     * @return false when an event with the same dedup key was accepted before; nothing is stored then
     */
    boolean accept(InboundEvent event);

    /**
     * Claims up to {@code max} waiting events, oldest first: for each entity only its oldest waiting event, and
     * nothing for an entity whose earlier event is still claimed. Each returned event must be completed.
     */
    List<InboundEvent> claimNext(int max);

    /**
     * Finishes a claimed event; its entity's next event becomes claimable.
     *
     * @param reason why, for SKIPPED and PARKED especially; may be null
     * @throws java.util.NoSuchElementException when there is no such event
     * @throws IllegalStateException            when the event is not claimed (never claimed, or already completed)
     */
    void complete(UUID eventId, InboxOutcome outcome, String reason);

    /**
     * Hands a claimed event back to waiting without finishing it, because a system it needs refuses calls for now
     * (its circuit breaker is open). It keeps its place: it is still its entity's next event, and is claimed again
     * by a later {@link #claimNext}. The reason is kept as the event's last outcome reason.
     *
     * @return true the first time this event is deferred, false when it was deferred before
     * @throws java.util.NoSuchElementException when there is no such event
     * @throws IllegalStateException            when the event is not claimed (never claimed, or already completed)
     */
    boolean defer(UUID eventId, String reason);

    /**
     * Hands claimed events back for another claim when their claim is older than {@code claimedBefore}: the
     * worker that claimed them stopped (crash, lost instance) and would otherwise block their entity forever.
     *
     * @return how many claims were released
     */
    int releaseClaimsBefore(Instant claimedBefore);

    /** Events accepted and not completed yet, claimed or not. */
    long pendingCount();
}
