package io.retrobridge.store;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InboxOutcome;
import java.time.Duration;
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

    private InboundEvent accepted(ExternalSystem source, String entityId) {
        InboundEvent event = change(source, entityId);
        assertThat(inbox().accept(event)).isTrue();
        return event;
    }

    @Test
    void anAcceptedEventIsHandedOutAsItArrived() {
        InboundEvent event = accepted(JIRA, "RB-12");

        assertThat(inbox().pendingCount()).isEqualTo(1);
        assertThat(inbox().claimNext(10)).containsExactly(event);
    }

    @Test
    void aRedeliveryWithTheSameDedupKeyIsStoredOnlyOnce() {
        InboundEvent first = accepted(JIRA, "RB-12");
        InboundEvent redelivery = InboundEvent.received(JIRA, first.kind(), first.entityId(), first.dedupKey(),
                first.receivedAt().plusSeconds(30), first.payload());

        assertThat(inbox().accept(redelivery)).isFalse();

        assertThat(inbox().pendingCount()).isEqualTo(1);
        assertThat(inbox().claimNext(10)).containsExactly(first);
    }

    @Test
    void aDuplicateKeyIsRecognisedEvenAfterTheEventWasCompleted() {
        InboundEvent first = accepted(JIRA, "RB-12");
        inbox().claimNext(1);
        inbox().complete(first.id(), InboxOutcome.APPLIED, null);

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

        assertThat(inbox().claimNext(10)).containsExactly(rb1First, sn1, rb2);
        assertThat(inbox().claimNext(10)).as("RB-1 is still being applied").isEmpty();

        inbox().complete(rb1First.id(), InboxOutcome.APPLIED, null);

        assertThat(inbox().claimNext(10)).containsExactly(rb1Second);
    }

    @Test
    void claimNextHandsOutAtMostMaxEventsOldestFirst() {
        InboundEvent first = accepted(JIRA, "RB-1");
        InboundEvent second = accepted(JIRA, "RB-2");
        InboundEvent third = accepted(JIRA, "RB-3");

        assertThat(inbox().claimNext(2)).containsExactly(first, second);
        assertThat(inbox().claimNext(2)).containsExactly(third);
        assertThat(inbox().claimNext(2)).isEmpty();
    }

    @Test
    void completedEventsAreNoLongerPendingWhateverTheOutcome() {
        List<InboundEvent> events = List.of(accepted(JIRA, "RB-1"), accepted(JIRA, "RB-2"), accepted(JIRA, "RB-3"));
        inbox().claimNext(10);
        assertThat(inbox().pendingCount()).as("claimed events are still pending").isEqualTo(3);

        inbox().complete(events.get(0).id(), InboxOutcome.APPLIED, null);
        inbox().complete(events.get(1).id(), InboxOutcome.SKIPPED, "echo of our own write");
        inbox().complete(events.get(2).id(), InboxOutcome.PARKED, "ServiceNow kept answering 503");

        assertThat(inbox().pendingCount()).isZero();
        assertThat(inbox().claimNext(10)).isEmpty();
    }

    @Test
    void onlyAClaimedEventCanBeCompletedAndOnlyOnce() {
        InboundEvent waiting = accepted(JIRA, "RB-1");
        InboundEvent other = accepted(JIRA, "RB-2");

        assertThatThrownBy(() -> inbox().complete(waiting.id(), InboxOutcome.APPLIED, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is PENDING, not CLAIMED");

        inbox().claimNext(10);
        inbox().complete(other.id(), InboxOutcome.APPLIED, null);

        assertThatThrownBy(() -> inbox().complete(other.id(), InboxOutcome.SKIPPED, "again"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is APPLIED");
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> inbox().complete(unknown, InboxOutcome.APPLIED, null))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(unknown.toString());
    }

    @Test
    void aClaimAbandonedByAStoppedWorkerCanBeReleasedSoItsEntityIsNotBlocked() {
        InboundEvent abandoned = accepted(JIRA, "RB-1");
        InboundEvent next = accepted(JIRA, "RB-1");
        assertThat(inbox().claimNext(10)).containsExactly(abandoned);
        clock.advance(Duration.ofMinutes(10));

        assertThat(inbox().releaseClaimsBefore(clock.instant().minus(Duration.ofMinutes(15)))).isZero();
        assertThat(inbox().claimNext(10)).isEmpty();

        assertThat(inbox().releaseClaimsBefore(clock.instant().minus(Duration.ofMinutes(5)))).isEqualTo(1);
        assertThat(inbox().claimNext(10)).as("the released event comes back before the next one").containsExactly(abandoned);
        assertThatThrownBy(() -> inbox().complete(next.id(), InboxOutcome.APPLIED, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeferredEventWaitsAgainAheadOfItsEntitysLaterEventsAndIsNotFinished() {
        InboundEvent deferred = accepted(JIRA, "RB-1");
        InboundEvent later = accepted(JIRA, "RB-1");
        InboundEvent other = accepted(JIRA, "RB-2");
        assertThat(inbox().claimNext(10)).containsExactly(deferred, other);

        assertThat(inbox().defer(deferred.id(), "circuit open for ServiceNow")).as("first deferral").isTrue();

        assertThat(inbox().pendingCount()).as("nothing was finished").isEqualTo(3);
        assertThat(inbox().claimNext(10)).as("it comes back before its entity's later event").containsExactly(deferred);
        assertThat(inbox().defer(deferred.id(), "circuit open for ServiceNow")).as("second deferral").isFalse();
        assertThat(inbox().claimNext(10)).containsExactly(deferred);
        inbox().complete(deferred.id(), InboxOutcome.APPLIED, null);
        assertThat(inbox().claimNext(10)).containsExactly(later);
    }

    @Test
    void onlyAClaimedEventCanBeDeferred() {
        InboundEvent waiting = accepted(JIRA, "RB-1");
        InboundEvent done = accepted(JIRA, "RB-2");

        assertThatThrownBy(() -> inbox().defer(waiting.id(), "circuit open"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is PENDING, not CLAIMED");
        inbox().claimNext(10);
        inbox().complete(done.id(), InboxOutcome.APPLIED, null);
        assertThatThrownBy(() -> inbox().defer(done.id(), "circuit open"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is APPLIED");
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> inbox().defer(unknown, "circuit open"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining(unknown.toString());
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
                for (InboundEvent event : inbox().claimNext(2)) {
                    if (!inFlight.add(event.entityId())) {
                        overlaps.incrementAndGet();
                    }
                    appliedOrder.computeIfAbsent(event.entityId(), key -> Collections.synchronizedList(new ArrayList<>()))
                            .add(event.id());
                    Thread.sleep(2); // applying takes a moment, so overlaps would show
                    inFlight.remove(event.entityId());
                    inbox().complete(event.id(), InboxOutcome.APPLIED, null);
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
}
