package io.retrobridge.store;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.ClaimLostException;
import io.retrobridge.sync.ClaimedEvent;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InboxOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What webhooks, pollers and the sync workers rely on from any {@link EventInbox}. */
abstract class EventInboxContract extends StoreContractSupport {

    private int deliveries;

    private EventInbox inbox() {
        return port(EventInbox.class);
    }

    /** A new change to {@code entityId}, arriving one second after the previous one. */
    private InboundEvent change(ExternalSystem source, String entityId) {
        deliveries++;
        return InboundEvent.received(source, source == JIRA ? "jira:issue_updated" : "servicenow:task_updated",
                entityId, source + ":" + entityId + ":" + deliveries, START.plusSeconds(deliveries),
                "{\"id\":\"" + entityId + "\",\"n\":" + deliveries + "}");
    }

    /** The claims handed out so far, by event id, so a test can complete or defer under the claim it was given. */
    private final Map<UUID, ClaimedEvent> claims = new ConcurrentHashMap<>();

    private List<InboundEvent> claimNext(int max) {
        List<ClaimedEvent> claimed = inbox().claimNext(max);
        claimed.forEach(claim -> claims.put(claim.event().id(), claim));
        return claimed.stream().map(ClaimedEvent::event).toList();
    }

    /** The latest claim on {@code event}, or a claim it never had (token 0) when it was never claimed. */
    private ClaimedEvent claimOf(InboundEvent event) {
        return claims.getOrDefault(event.id(), new ClaimedEvent(event, 0, null));
    }

    private InboundEvent accepted(ExternalSystem source, String entityId) {
        InboundEvent event = change(source, entityId);
        assertThat(inbox().accept(event)).isTrue();
        return event;
    }

    @Test
    void anAcceptedEventIsHandedOutAsItArrived() {
        InboundEvent event = accepted(JIRA, "RB-12");

        assertThat(inbox().pendingCount()).isEqualTo(1);
        assertThat(claimNext(10)).containsExactly(event);
    }

    @Test
    void aRedeliveryWithTheSameDedupKeyIsStoredOnlyOnce() {
        InboundEvent first = accepted(JIRA, "RB-12");
        InboundEvent redelivery = InboundEvent.received(JIRA, first.kind(), first.entityId(), first.dedupKey(),
                first.receivedAt().plusSeconds(30), first.payload());

        assertThat(inbox().accept(redelivery)).isFalse();

        assertThat(inbox().pendingCount()).isEqualTo(1);
        assertThat(claimNext(10)).containsExactly(first);
    }

    @Test
    void aDuplicateKeyIsRecognisedEvenAfterTheEventWasCompleted() {
        InboundEvent first = accepted(JIRA, "RB-12");
        claimNext(1);
        inbox().complete(claimOf(first), InboxOutcome.APPLIED, null);

        assertThat(inbox().accept(InboundEvent.received(JIRA, first.kind(), first.entityId(), first.dedupKey(),
                first.receivedAt(), first.payload()))).isFalse();
        assertThat(inbox().pendingCount()).isZero();
    }

    @Test
    void concurrentDeliveriesOfOneChangeAreStoredOnce() throws InterruptedException {
        InboundEvent template = change(JIRA, "RB-12");

        List<Outcome<Boolean>> outcomes = raceOn(6, () -> inbox().accept(InboundEvent.received(JIRA, template.kind(),
                template.entityId(), template.dedupKey(), template.receivedAt(), template.payload())));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes).extracting(Outcome::value).containsExactlyInAnyOrder(true, false, false, false, false, false);
        assertThat(inbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void anAcceptedEventStaysStoredEvenWhenTheCallersTransactionRollsBack() {
        TransactionTemplate callersTransaction = new TransactionTemplate(port(PlatformTransactionManager.class));
        InboundEvent event = change(SERVICENOW, "sn-1");

        callersTransaction.executeWithoutResult(status -> {
            assertThat(inbox().accept(event)).isTrue();
            assertThat(inbox().accept(change(SERVICENOW, "sn-2"))).isTrue();
            assertThat(inbox().accept(event)).isFalse(); // a refused duplicate must not spoil the caller's transaction
            status.setRollbackOnly();
        });

        assertThat(inbox().pendingCount()).isEqualTo(2);
    }

    @Test
    void reusingAnEventIdForADifferentChangeIsRefused() {
        InboundEvent first = accepted(JIRA, "RB-12");
        InboundEvent sameId = new InboundEvent(first.id(), JIRA, first.kind(), "RB-13", "other-key", START, "{}");

        assertThatThrownBy(() -> inbox().accept(sameId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fresh id");
        assertThat(inbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void eventsAreClaimedOldestFirstAndOnlyOnePerEntityAtATime() {
        InboundEvent rb1First = accepted(JIRA, "RB-1");
        InboundEvent sn1 = accepted(SERVICENOW, "RB-1"); // same id on another system is another entity
        InboundEvent rb1Second = accepted(JIRA, "RB-1");
        InboundEvent rb2 = accepted(JIRA, "RB-2");

        assertThat(claimNext(10)).containsExactly(rb1First, sn1, rb2);
        assertThat(claimNext(10)).as("RB-1 is still being applied").isEmpty();

        inbox().complete(claimOf(rb1First), InboxOutcome.APPLIED, null);

        assertThat(claimNext(10)).containsExactly(rb1Second);
    }

    @Test
    void claimNextHandsOutAtMostMaxEventsOldestFirst() {
        InboundEvent first = accepted(JIRA, "RB-1");
        InboundEvent second = accepted(JIRA, "RB-2");
        InboundEvent third = accepted(JIRA, "RB-3");

        assertThat(claimNext(2)).containsExactly(first, second);
        assertThat(claimNext(2)).containsExactly(third);
        assertThat(claimNext(2)).isEmpty();
    }

    @Test
    void completedEventsAreNoLongerPendingWhateverTheOutcome() {
        List<InboundEvent> events = List.of(accepted(JIRA, "RB-1"), accepted(JIRA, "RB-2"), accepted(JIRA, "RB-3"));
        claimNext(10);
        assertThat(inbox().pendingCount()).as("claimed events are still pending").isEqualTo(3);

        inbox().complete(claimOf(events.get(0)), InboxOutcome.APPLIED, null);
        inbox().complete(claimOf(events.get(1)), InboxOutcome.SKIPPED, "echo of our own write");
        inbox().complete(claimOf(events.get(2)), InboxOutcome.PARKED, "ServiceNow kept answering 503");

        assertThat(inbox().pendingCount()).isZero();
        assertThat(claimNext(10)).isEmpty();
    }

    @Test
    void onlyAClaimedEventCanBeCompletedAndOnlyOnce() {
        InboundEvent waiting = accepted(JIRA, "RB-1");
        InboundEvent other = accepted(JIRA, "RB-2");

        assertThatThrownBy(() -> inbox().complete(claimOf(waiting), InboxOutcome.APPLIED, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is PENDING, not CLAIMED");

        claimNext(10);
        inbox().complete(claimOf(other), InboxOutcome.APPLIED, null);

        assertThatThrownBy(() -> inbox().complete(claimOf(other), InboxOutcome.SKIPPED, "again"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is APPLIED");
        InboundEvent unknown = change(JIRA, "RB-404");
        assertThatThrownBy(() -> inbox().complete(claimOf(unknown), InboxOutcome.APPLIED, null))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(unknown.id().toString());
    }

    @Test
    void aClaimAbandonedByAStoppedWorkerCanBeReleasedSoItsEntityIsNotBlocked() {
        InboundEvent abandoned = accepted(JIRA, "RB-1");
        InboundEvent next = accepted(JIRA, "RB-1");
        assertThat(claimNext(10)).containsExactly(abandoned);
        clock.advance(Duration.ofMinutes(10));

        assertThat(inbox().releaseClaimsBefore(clock.instant().minus(Duration.ofMinutes(15)))).isZero();
        assertThat(claimNext(10)).isEmpty();

        assertThat(inbox().releaseClaimsBefore(clock.instant().minus(Duration.ofMinutes(5)))).isEqualTo(1);
        assertThat(claimNext(10)).as("the released event comes back before the next one").containsExactly(abandoned);
        assertThatThrownBy(() -> inbox().complete(claimOf(next), InboxOutcome.APPLIED, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeferredEventWaitsAgainAheadOfItsEntitysLaterEventsAndIsNotFinished() {
        InboundEvent deferred = accepted(JIRA, "RB-1");
        InboundEvent later = accepted(JIRA, "RB-1");
        InboundEvent other = accepted(JIRA, "RB-2");
        assertThat(claimNext(10)).containsExactly(deferred, other);

        assertThat(inbox().defer(claimOf(deferred), "circuit open for ServiceNow", clock.instant())).as("first deferral").isTrue();

        assertThat(inbox().pendingCount()).as("nothing was finished").isEqualTo(3);
        assertThat(claimNext(10)).as("it comes back before its entity's later event").containsExactly(deferred);
        assertThat(inbox().defer(claimOf(deferred), "circuit open for ServiceNow", clock.instant())).as("second deferral").isFalse();
        assertThat(claimNext(10)).containsExactly(deferred);
        inbox().complete(claimOf(deferred), InboxOutcome.APPLIED, null);
        assertThat(claimNext(10)).containsExactly(later);
    }

    @Test
    void anEventAcceptedWithANotBeforeTimeIsHandedOutOnlyFromThenAndOnlyOnce() {
        InboundEvent held = change(JIRA, "RB-1");
        InboundEvent other = accepted(JIRA, "RB-2");

        assertThat(inbox().accept(held, clock.instant().plus(Duration.ofHours(1)))).isTrue();
        assertThat(inbox().accept(held, clock.instant())).as("the same dedup key again").isFalse();

        assertThat(claimNext(10)).containsExactly(other);
        clock.advance(Duration.ofMinutes(59));
        assertThat(claimNext(10)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(claimNext(10)).containsExactly(held);
    }

    @Test
    void anEventHandedBackUnstartedIsClaimedAgainAtOnceAheadOfItsEntityAsIfNeverTaken() {
        InboundEvent handedBack = accepted(JIRA, "RB-1");
        InboundEvent later = accepted(JIRA, "RB-1");
        assertThat(claimNext(10)).containsExactly(handedBack);
        ClaimedEvent first = claimOf(handedBack);

        assertThat(inbox().handBack(first)).isTrue();

        assertThat(inbox().pendingCount()).as("nothing was finished").isEqualTo(2);
        assertThat(inbox().dueCount(clock.instant())).as("due at once, not held until later").isEqualTo(2);
        assertThat(claimNext(10)).as("its entity's next event still").containsExactly(handedBack);
        assertThat(claimOf(handedBack).firstDeferred()).as("not counted as a deferral").isEmpty();
        assertThat(inbox().handBack(first)).as("the earlier claim hands back nothing").isFalse();
        inbox().complete(claimOf(handedBack), InboxOutcome.APPLIED, null);
        assertThat(claimNext(10)).containsExactly(later);
    }

    @Test
    void onlyAClaimedEventCanBeDeferred() {
        InboundEvent waiting = accepted(JIRA, "RB-1");
        InboundEvent done = accepted(JIRA, "RB-2");

        assertThatThrownBy(() -> inbox().defer(claimOf(waiting), "circuit open", clock.instant()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is PENDING, not CLAIMED");
        claimNext(10);
        inbox().complete(claimOf(done), InboxOutcome.APPLIED, null);
        assertThatThrownBy(() -> inbox().defer(claimOf(done), "circuit open", clock.instant()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is APPLIED");
        InboundEvent unknown = change(JIRA, "RB-404");
        assertThatThrownBy(() -> inbox().defer(claimOf(unknown), "circuit open", clock.instant()))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(unknown.id().toString());
        assertThat(inbox().pendingCount()).isEqualTo(1);
    }

    @Test
    void aMaxBelowOneIsRefused() {
        assertThatThrownBy(() -> inbox().claimNext(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max must be at least 1");
    }

    @Test
    void concurrentWorkersApplyEveryEventOnceInOrderAndNeverTwoOfOneEntityAtOnce() throws InterruptedException {
        List<String> entities = List.of("RB-1", "RB-2", "RB-3", "RB-4");
        Map<String, List<UUID>> arrivalOrder = new ConcurrentHashMap<>();
        for (int round = 0; round < 6; round++) {
            for (String entity : entities) {
                arrivalOrder.computeIfAbsent(entity, key -> new ArrayList<>()).add(accepted(JIRA, entity).id());
            }
        }
        Map<String, List<UUID>> appliedOrder = new ConcurrentHashMap<>();
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();

        List<Outcome<Integer>> workers = raceOn(4, () -> {
            int applied = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (inbox().pendingCount() > 0 && System.nanoTime() < deadline) {
                for (ClaimedEvent claim : inbox().claimNext(2)) {
                    InboundEvent event = claim.event();
                    if (!inFlight.add(event.entityId())) {
                        overlaps.incrementAndGet();
                    }
                    appliedOrder.computeIfAbsent(event.entityId(), key -> Collections.synchronizedList(new ArrayList<>()))
                            .add(event.id());
                    Thread.sleep(2); // applying takes a moment, so overlaps would show
                    inFlight.remove(event.entityId());
                    inbox().complete(claim, InboxOutcome.APPLIED, null);
                    applied++;
                }
            }
            return applied;
        });

        assertThat(workers).allMatch(Outcome::succeeded);
        assertThat(workers.stream().mapToInt(Outcome::value).sum()).as("events applied").isEqualTo(24);
        assertThat(overlaps).hasValue(0);
        assertThat(appliedOrder).isEqualTo(arrivalOrder);
        assertThat(inbox().pendingCount()).isZero();
    }

    @Test
    void aDeferredEventIsNotClaimedBeforeItsTimeWhileOtherEntitiesGoOn() {
        InboundEvent limited = accepted(JIRA, "RB-1");
        InboundEvent limitedLater = accepted(JIRA, "RB-1");
        InboundEvent other = accepted(JIRA, "RB-2");
        assertThat(claimNext(1)).containsExactly(limited);

        inbox().defer(claimOf(limited), "Jira answered 429; retry after 600 s", clock.instant().plusSeconds(600));

        assertThat(claimNext(10)).as("its entity waits; the other goes on").containsExactly(other);
        inbox().complete(claimOf(other), InboxOutcome.APPLIED, null);
        clock.advance(Duration.ofSeconds(599));
        assertThat(claimNext(10)).as("not before its time").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(claimNext(10)).containsExactly(limited);
        assertThat(claimOf(limited).firstDeferred()).as("the first deferral's time is kept")
                .contains(clock.instant().minusSeconds(600));
        inbox().complete(claimOf(limited), InboxOutcome.APPLIED, null);
        assertThat(claimNext(10)).containsExactly(limitedLater);
        assertThat(claimOf(limitedLater).firstDeferred()).isEmpty();
    }

    @Test
    void deferredSinceStaysAtTheFirstDeferral() {
        InboundEvent event = accepted(SERVICENOW, "sn-1");
        claimNext(1);
        Instant first = clock.instant();
        inbox().defer(claimOf(event), "rate limited", first.plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        claimNext(1);
        inbox().defer(claimOf(event), "rate limited again", clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));

        assertThat(claimNext(1)).containsExactly(event);
        assertThat(claimOf(event).firstDeferred()).contains(first);
    }

    @Test
    void everyClaimGetsANewTokenAndAStaleClaimantCanNeitherCompleteNorDeferNorRenew() {
        InboundEvent event = accepted(JIRA, "RB-1");
        claimNext(1);
        ClaimedEvent stalled = claimOf(event);
        clock.advance(Duration.ofMinutes(6));
        assertThat(inbox().releaseClaimsBefore(clock.instant().minus(Duration.ofMinutes(5)))).isEqualTo(1);
        claimNext(1);
        ClaimedEvent takenOver = claimOf(event);

        assertThat(takenOver.token()).as("a fresh token").isGreaterThan(stalled.token());
        assertThat(inbox().renew(stalled)).isFalse();
        assertThatThrownBy(() -> inbox().complete(stalled, InboxOutcome.APPLIED, "late"))
                .isInstanceOf(ClaimLostException.class)
                .hasMessageContaining("under a newer claim");
        assertThatThrownBy(() -> inbox().defer(stalled, "late", clock.instant()))
                .isInstanceOf(ClaimLostException.class);
        assertThat(inbox().pendingCount()).as("nothing changed").isEqualTo(1);

        assertThat(inbox().renew(takenOver)).isTrue();
        inbox().complete(takenOver, InboxOutcome.APPLIED, null);
        assertThat(inbox().pendingCount()).isZero();
        assertThatThrownBy(() -> inbox().complete(stalled, InboxOutcome.SKIPPED, "late"))
                .isInstanceOf(ClaimLostException.class)
                .hasMessageContaining("is APPLIED");
    }

    @Test
    void aStaleClaimantCannotCompleteEvenBeforeAnotherWorkerClaimsAgain() {
        InboundEvent event = accepted(JIRA, "RB-1");
        claimNext(1);
        ClaimedEvent stalled = claimOf(event);
        clock.advance(Duration.ofMinutes(6));
        inbox().releaseClaimsBefore(clock.instant().minus(Duration.ofMinutes(5)));

        assertThat(inbox().renew(stalled)).as("released claims are not revived by a renewal").isFalse();
        assertThatThrownBy(() -> inbox().complete(stalled, InboxOutcome.APPLIED, null))
                .isInstanceOf(ClaimLostException.class)
                .hasMessageContaining("released after it went stale");
        assertThat(claimNext(1)).containsExactly(event);
    }

    @Test
    void aRenewedClaimIsNotReleasedAsAbandoned() {
        InboundEvent longSync = accepted(JIRA, "RB-1");
        InboundEvent abandoned = accepted(JIRA, "RB-2");
        claimNext(10);
        clock.advance(Duration.ofMinutes(4));
        assertThat(inbox().renew(claimOf(longSync))).isTrue();
        clock.advance(Duration.ofMinutes(2));

        assertThat(inbox().releaseClaimsBefore(clock.instant().minus(Duration.ofMinutes(5)))).isEqualTo(1);
        assertThat(claimNext(10)).containsExactly(abandoned);
        inbox().complete(claimOf(longSync), InboxOutcome.APPLIED, null);
    }
}
