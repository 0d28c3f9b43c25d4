package io.retrobridge.sync;

import io.retrobridge.domain.InboundEvent;
import java.time.Instant;
import java.util.List;

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
     * Stores the event like {@link #accept(InboundEvent)}, but it is not handed out before {@code notBefore}: work
     * that must wait for facts to exist (figures measured after a deployment). Until then it holds back its entity's
     * later events, as a deferred event does.
     *
     * @return false when an event with the same dedup key was accepted before; nothing is stored then
     */
    default boolean accept(InboundEvent event, Instant notBefore) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot hold an event back until "
                + notBefore + "; use an inbox that keeps a not-before time");
    }

    /**
     * Whether an event with this dedup key was accepted before, so a poller asks the systems nothing more for a
     * version it has queued already. An inbox that cannot tell says false: the version is then offered as new.
     */
    default boolean hasSeen(String dedupKey) {
        return false;
    }

    /**
     * Claims up to {@code max} waiting events, oldest first: for each entity only its oldest waiting event, and
     * nothing for an entity whose earlier event is still claimed or deferred to a later time (events of one entity
     * stay in order; other entities go on). Each claim carries a fresh token; each returned event must be completed
     * or deferred with it.
     */
    List<ClaimedEvent> claimNext(int max);

    /**
     * Finishes a claimed event; its entity's next event becomes claimable.
     *
     * @param reason why, for SKIPPED and PARKED especially; may be null
     * @throws java.util.NoSuchElementException when there is no such event
     * @throws ClaimLostException               when this claim is no longer held (released after it went stale,
     *                                          claimed again, or finished already); nothing is changed then
     */
    void complete(ClaimedEvent claim, InboxOutcome outcome, String reason);

    /**
     * Hands a claimed event back to waiting without finishing it, because a system it needs refuses calls for now
     * (open circuit breaker, a rate limit with a long Retry-After). It keeps its place: it is still its entity's
     * next event, and is claimed again by a later {@link #claimNext} once {@code notBefore} has passed. The reason
     * is kept as the event's last outcome reason; the first deferral's time is kept as its deferred-since.
     *
     * @return true the first time this event is deferred, false when it was deferred before
     * @throws java.util.NoSuchElementException when there is no such event
     * @throws ClaimLostException               when this claim is no longer held; nothing is changed then
     */
    boolean defer(ClaimedEvent claim, String reason, Instant notBefore);

    /**
     * Renews a claim still being worked on, so it does not look abandoned; also tells whether it is still held.
     *
     * @return false when the claim was released or taken over meanwhile (nothing is changed then)
     */
    boolean renew(ClaimedEvent claim);

    /**
     * Hands a claimed event that was never started back to waiting, as it was: its place, deferrals and reason
     * unchanged, claimable again at once. For a worker that stops (the application closes) with claims in hand.
     *
     * @return false when the claim was no longer held (nothing is changed then)
     */
    boolean handBack(ClaimedEvent claim);

    /**
     * Hands claimed events back for another claim when their claim (or its last renewal) is older than
     * {@code claimedBefore}: the worker that claimed them stopped (crash, lost instance, long stall) and would
     * otherwise block their entity forever. A later claim gets a new token, so the stopped worker cannot finish.
     *
     * @return how many claims were released
     */
    int releaseClaimsBefore(Instant claimedBefore);

    /** Events accepted and not completed yet, claimed or not. */
    long pendingCount();

    /**
     * Of those, the events whose time has come: not held until later (a deferral, a collection waiting for its
     * window). What "the inbox is worked down" means at {@code now}.
     */
    long dueCount(Instant now);
}
