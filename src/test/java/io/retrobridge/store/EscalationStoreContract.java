package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.GroupTicket;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.RetrospectiveFollowUps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the escalation scan and the admin API rely on from any {@link EscalationStore}. */
abstract class EscalationStoreContract extends StoreContractSupport {

    private EscalationStore escalations() {
        return port(EscalationStore.class);
    }

    private static EscalationRecord claimOf(String itemKey, String ladderId, String stepId, Instant at) {
        return new EscalationRecord(UUID.randomUUID(), itemKey, ladderId, stepId, "cab", "ticket",
                ExternalSystem.SERVICENOW, null, null, null, "rb-esc-" + itemKey + "-" + stepId,
                EscalationState.CLAIMED, 7, at, null, null, "7 business days overdue reaches step " + stepId);
    }

    private static EscalationRecord reminderOf(String itemKey, String stepId, Instant at) {
        return new EscalationRecord(UUID.randomUUID(), itemKey, "standard", stepId, null, "remind", null, null, null,
                null, null, EscalationState.CLAIMED, 1, at, null, null, null);
    }

    private EscalationRecord claimed(EscalationRecord claim) {
        assertThat(escalations().claim(claim)).as("claim of " + claim.itemKey() + " " + claim.stepId()).isTrue();
        return claim;
    }

    private EscalationRecord stored(UUID id) {
        return escalations().find(id).orElseThrow();
    }

    @Test
    void aClaimIsStoredWholeAsClaimed() {
        EscalationRecord claim = new EscalationRecord(UUID.randomUUID(), "rb-1a2b", "standard", "cab", "cab", "ticket",
                ExternalSystem.JIRA, null, null, "cab/2026-W48", "rb-esc-0123456789abcdef01234567",
                EscalationState.CLAIMED, 12, START, null, null, "12 days overdue");

        assertThat(escalations().claim(claim)).isTrue();

        assertThat(escalations().find(claim.id())).contains(claim);
        assertThat(escalations().forItem("rb-1a2b")).containsExactly(claim);
    }

    @Test
    void aClaimKeepsTheLeadershipTermItWasMadeUnderAndOneWithoutATermKeepsNone() {
        EscalationRecord plain = claimOf("rb-term-1", "standard", "cab", START);
        EscalationRecord termed = claimOf("rb-term-2", "standard", "cab", START);
        EscalationRecord underTermSeven = new EscalationRecord(termed.id(), termed.itemKey(), termed.ladderId(),
                termed.stepId(), termed.boardId(), termed.kind(), termed.ticketSystem(), null, null, null,
                termed.marker(), EscalationState.CLAIMED, termed.daysOverdue(), START, null, null, termed.note(), 7L);

        claimed(plain);
        claimed(underTermSeven);

        assertThat(stored(plain.id()).claimTerm()).as("one instance: no term").isNull();
        assertThat(stored(underTermSeven.id()).claimTerm()).isEqualTo(7L);
        assertThat(escalations().unresolved()).filteredOn(r -> r.itemKey().startsWith("rb-term-"))
                .extracting(EscalationRecord::claimTerm).containsExactlyInAnyOrder(null, 7L);
    }

    @Test
    void aStepClaimedUnderAnOlderTermIsStillClaimedOnceByANewerOne() {
        EscalationRecord first = claimOf("rb-term-3", "standard", "cab", START);
        claimed(new EscalationRecord(first.id(), first.itemKey(), first.ladderId(), first.stepId(), first.boardId(),
                first.kind(), first.ticketSystem(), null, null, null, first.marker(), EscalationState.CLAIMED,
                first.daysOverdue(), START, null, null, first.note(), 3L));
        EscalationRecord again = claimOf("rb-term-3", "standard", "cab", START.plusSeconds(5));

        assertThat(escalations().claim(new EscalationRecord(again.id(), again.itemKey(), again.ladderId(),
                again.stepId(), again.boardId(), again.kind(), again.ticketSystem(), null, null, null, again.marker(),
                EscalationState.CLAIMED, again.daysOverdue(), again.claimedAt(), null, null, again.note(), 4L)))
                .as("the new leader finishes the old claim; it never claims the step a second time").isFalse();
        assertThat(escalations().forItem("rb-term-3")).singleElement()
                .satisfies(r -> assertThat(r.claimTerm()).isEqualTo(3L));
    }

    @Test
    void aStepIsClaimedOnceWhateverTheSecondClaimSays() {
        EscalationRecord first = claimed(claimOf("rb-1", "standard", "cab", START));
        EscalationRecord again = new EscalationRecord(UUID.randomUUID(), "rb-1", "standard", "cab", "rab", "ticket",
                ExternalSystem.JIRA, null, null, null, "other", EscalationState.CLAIMED, 30,
                START.plusSeconds(3600), null, null, "a later scan");

        assertThat(escalations().claim(again)).isFalse();

        assertThat(escalations().forItem("rb-1")).containsExactly(first);
        assertThat(escalations().find(again.id())).isEmpty();
    }

    @Test
    void aResolvedStepIsNeverClaimedAgain() {
        EscalationRecord first = claimed(claimOf("rb-1", "standard", "cab", START));
        escalations().markRaised(first.id(), "sys-1", "SCTASK0010001", START.plusSeconds(5), "raised");
        escalations().markResolved(first.id(), START.plusSeconds(60), "PAY-12 was completed on 2026-11-30");

        assertThat(escalations().claim(claimOf("rb-1", "standard", "cab", START.plusSeconds(120)))).isFalse();
    }

    @Test
    void otherItemsLaddersAndStepsAreClaimedOnTheirOwn() {
        claimed(claimOf("rb-1", "standard", "cab", START));

        assertThat(escalations().claim(claimOf("rb-2", "standard", "cab", START))).isTrue();
        assertThat(escalations().claim(claimOf("rb-1", "urgent", "cab", START))).isTrue();
        assertThat(escalations().claim(claimOf("rb-1", "standard", "arb", START))).isTrue();
        assertThat(escalations().forItem("rb-1")).hasSize(3);
    }

    @Test
    void aHundredConcurrentScansClaimingOneStepLetExactlyOneWrite() throws InterruptedException {
        var outcomes = raceOn(100, () -> escalations().claim(claimOf("rb-race", "standard", "cab", START)));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes).filteredOn(o -> Boolean.TRUE.equals(o.value())).hasSize(1);
        assertThat(escalations().forItem("rb-race")).hasSize(1)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(EscalationState.CLAIMED));
    }

    @Test
    void aClaimReusingAnIdOfAnotherStepIsRefusedWithTheReason() {
        EscalationRecord first = claimed(claimOf("rb-1", "standard", "cab", START));
        EscalationRecord sameId = new EscalationRecord(first.id(), "rb-2", "standard", "cab", "cab", "ticket", null,
                null, null, null, null, EscalationState.CLAIMED, 3, START, null, null, null);

        assertThatThrownBy(() -> escalations().claim(sameId))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fresh id");
        assertThat(escalations().forItem("rb-2")).isEmpty();
    }

    @Test
    void aClaimInAnotherStateOrOfAnUnknownKindIsRefusedAndNothingIsStored() {
        EscalationRecord raised = new EscalationRecord(UUID.randomUUID(), "rb-1", "standard", "cab", "cab", "ticket",
                null, null, null, null, null, EscalationState.RAISED, 3, START, START, null, null);
        EscalationRecord unknownKind = new EscalationRecord(UUID.randomUUID(), "rb-1", "standard", "cab", "cab",
                "escalate", null, null, null, null, null, EscalationState.CLAIMED, 3, START, null, null, null);

        assertThatThrownBy(() -> escalations().claim(raised))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RAISED").hasMessageContaining("CLAIMED");
        assertThatThrownBy(() -> escalations().claim(unknownKind))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'escalate'")
                .hasMessageContaining("remind, ticket, reassign, systemic, group");
        assertThat(escalations().forItem("rb-1")).isEmpty();
    }

    @Test
    void raisingKeepsTheTicketTheTimeAndTheNote() {
        EscalationRecord claim = claimed(claimOf("rb-1", "standard", "cab", START));
        Instant raisedAt = START.plus(Duration.ofSeconds(2, 987_654_321));

        escalations().markRaised(claim.id(), "a1b2c3d4", "SCTASK0010001", raisedAt,
                "Escalated PTASK0010002 to Change Advisory Board: SCTASK0010001");

        EscalationRecord raised = stored(claim.id());
        assertThat(raised.state()).isEqualTo(EscalationState.RAISED);
        assertThat(raised.ticketId()).isEqualTo("a1b2c3d4");
        assertThat(raised.ticketKey()).isEqualTo("SCTASK0010001");
        assertThat(raised.ticketSystem()).isEqualTo(ExternalSystem.SERVICENOW);
        assertThat(raised.raisedAt()).as("kept to the microsecond").isEqualTo(START.plus(Duration.ofNanos(2_987_654_000L)));
        assertThat(raised.note()).isEqualTo("Escalated PTASK0010002 to Change Advisory Board: SCTASK0010001");
        assertThat(raised.claimedAt()).isEqualTo(START);
        assertThat(raised.resolvedAt()).isNull();
    }

    @Test
    void aReminderIsRaisedWithoutATicket() {
        EscalationRecord claim = claimed(reminderOf("rb-1", "remind", START));

        escalations().markRaised(claim.id(), null, null, START.plusSeconds(1), "Reminded alice");

        EscalationRecord raised = stored(claim.id());
        assertThat(raised.state()).isEqualTo(EscalationState.RAISED);
        assertThat(raised.ticketId()).isNull();
        assertThat(raised.ticketKey()).isNull();
    }

    @Test
    void resolvingARaisedTicketRecordsWhenAndWhy() {
        EscalationRecord claim = claimed(claimOf("rb-1", "standard", "cab", START));
        escalations().markRaised(claim.id(), "a1", "SCTASK0010001", START.plusSeconds(1), "raised");

        escalations().markResolved(claim.id(), START.plusSeconds(86_400), "due date of PAY-12 moved to 2026-12-20");

        EscalationRecord resolved = stored(claim.id());
        assertThat(resolved.state()).isEqualTo(EscalationState.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(START.plusSeconds(86_400));
        assertThat(resolved.note()).isEqualTo("due date of PAY-12 moved to 2026-12-20");
        assertThat(resolved.ticketKey()).as("the ticket stays known").isEqualTo("SCTASK0010001");
        assertThat(escalations().unresolved()).isEmpty();
    }

    @Test
    void aChangeFromAStateTheRecordIsNotInIsRefusedAndChangesNothing() {
        EscalationRecord claim = claimed(claimOf("rb-1", "standard", "cab", START));

        assertThatThrownBy(() -> escalations().markResolved(claim.id(), START, "too early"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is CLAIMED, not RAISED");
        escalations().markRaised(claim.id(), "a1", "SCTASK0010001", START.plusSeconds(1), "raised");
        EscalationRecord raised = stored(claim.id());

        assertThatThrownBy(() -> escalations().markRaised(claim.id(), "a2", "SCTASK0010002", START.plusSeconds(2), "twice"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is RAISED, not CLAIMED");
        assertThatThrownBy(() -> escalations().markParked(claim.id(), START.plusSeconds(2), "HTTP 400"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is RAISED, not CLAIMED");
        assertThat(escalations().reclaim(claim.id())).isFalse();
        assertThat(stored(claim.id())).isEqualTo(raised);
    }

    @Test
    void changingAnUnknownRecordSaysSo() {
        UUID unknown = UUID.randomUUID();

        assertThatThrownBy(() -> escalations().markRaised(unknown, null, null, START, null))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> escalations().markResolved(unknown, START, "x"))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(escalations().reclaim(unknown)).isFalse();
        assertThat(escalations().find(unknown)).isEmpty();
    }

    @Test
    void aParkedStepWaitsOutsideTheScanUntilItsReplayReclaimsIt() {
        EscalationRecord claim = claimed(claimOf("rb-1", "standard", "cab", START));

        escalations().markParked(claim.id(), START.plusSeconds(3), "HTTP 400: unknown assignment group 'CAB'");

        EscalationRecord parked = stored(claim.id());
        assertThat(parked.state()).isEqualTo(EscalationState.PARKED);
        assertThat(parked.note()).isEqualTo("HTTP 400: unknown assignment group 'CAB'");
        assertThat(escalations().unresolved()).as("scans leave parked steps alone").isEmpty();
        assertThat(escalations().claim(claimOf("rb-1", "standard", "cab", START.plusSeconds(60))))
                .as("nor may they claim the step anew").isFalse();

        assertThat(escalations().reclaim(claim.id())).isTrue();

        assertThat(stored(claim.id()).state()).isEqualTo(EscalationState.CLAIMED);
        assertThat(escalations().unresolved()).extracting(EscalationRecord::id).containsExactly(claim.id());
        assertThat(escalations().reclaim(claim.id())).as("a second replay").isFalse();
        escalations().markRaised(claim.id(), "a1", "SCTASK0010001", START.plusSeconds(90), "raised after replay");
        assertThat(stored(claim.id()).state()).isEqualTo(EscalationState.RAISED);
    }

    @Test
    void concurrentReplaysOfOneParkedStepReclaimItOnce() throws InterruptedException {
        EscalationRecord claim = claimed(claimOf("rb-1", "standard", "cab", START));
        escalations().markParked(claim.id(), START.plusSeconds(3), "HTTP 400");

        var outcomes = raceOn(10, () -> escalations().reclaim(claim.id()));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes).filteredOn(o -> Boolean.TRUE.equals(o.value())).hasSize(1);
    }

    @Test
    void unresolvedHoldsClaimedAndRaisedOldestFirst() {
        EscalationRecord raisedLater = claimed(claimOf("rb-1", "standard", "cab", START.plusSeconds(20)));
        escalations().markRaised(raisedLater.id(), "a1", "SCTASK1", START.plusSeconds(21), "raised");
        EscalationRecord claimedFirst = claimed(claimOf("rb-2", "standard", "cab", START));
        EscalationRecord parked = claimed(claimOf("rb-3", "standard", "cab", START.plusSeconds(5)));
        escalations().markParked(parked.id(), START.plusSeconds(6), "HTTP 400");
        EscalationRecord resolved = claimed(claimOf("rb-4", "standard", "cab", START.plusSeconds(1)));
        escalations().markRaised(resolved.id(), "a4", "SCTASK4", START.plusSeconds(2), "raised");
        escalations().markResolved(resolved.id(), START.plusSeconds(3), "done");

        assertThat(escalations().unresolved()).extracting(EscalationRecord::id)
                .containsExactly(claimedFirst.id(), raisedLater.id());
    }

    @Test
    void unresolvedOfHoldsOnlyTheNamedItemsClaimedAndRaisedOldestFirst() {
        EscalationRecord raisedLater = claimed(claimOf("rb-1", "standard", "cab", START.plusSeconds(20)));
        escalations().markRaised(raisedLater.id(), "a1", "SCTASK1", START.plusSeconds(21), "raised");
        EscalationRecord claimedFirst = claimed(claimOf("rb-2", "standard", "cab", START));
        claimed(claimOf("rb-3", "standard", "cab", START.plusSeconds(5)));
        EscalationRecord resolved = claimed(claimOf("rb-4", "standard", "cab", START.plusSeconds(1)));
        escalations().markRaised(resolved.id(), "a4", "SCTASK4", START.plusSeconds(2), "raised");
        escalations().markResolved(resolved.id(), START.plusSeconds(3), "done");

        assertThat(escalations().unresolvedOf(List.of("rb-1", "rb-2", "rb-4", "rb-unknown")))
                .extracting(EscalationRecord::id).containsExactly(claimedFirst.id(), raisedLater.id());
        assertThat(escalations().unresolvedOf(List.of())).isEmpty();
    }

    @Test
    void anItemsHistoryIsItsOwnStepsOldestFirst() {
        EscalationRecord second = claimed(claimOf("rb-1", "standard", "cab", START.plusSeconds(86_400)));
        EscalationRecord first = claimed(reminderOf("rb-1", "remind", START));
        claimed(claimOf("rb-2", "standard", "cab", START));

        assertThat(escalations().forItem("rb-1")).extracting(EscalationRecord::id).containsExactly(first.id(), second.id());
        assertThat(escalations().forItem("rb-unknown")).isEmpty();
    }

    @Test
    void itemsHistoriesAreReadTogetherEachOldestFirst() {
        EscalationRecord second = claimed(claimOf("rb-1", "standard", "cab", START.plusSeconds(86_400)));
        EscalationRecord first = claimed(reminderOf("rb-1", "remind", START));
        EscalationRecord other = claimed(claimOf("rb-2", "standard", "cab", START));
        claimed(claimOf("rb-3", "standard", "cab", START));

        Map<String, List<EscalationRecord>> byItem = escalations().forItems(List.of("rb-1", "rb-2", "rb-unknown"));

        assertThat(byItem).containsOnlyKeys("rb-1", "rb-2");
        assertThat(byItem.get("rb-1")).extracting(EscalationRecord::id).containsExactly(first.id(), second.id());
        assertThat(byItem.get("rb-2")).extracting(EscalationRecord::id).containsExactly(other.id());
        assertThat(byItem.get("rb-1")).isEqualTo(escalations().forItem("rb-1"));
        assertThat(escalations().forItems(List.of())).isEmpty();
    }

    @Test
    void theEscalationsOfARetrospectivesFollowUpsAreFoundThroughItsTasksLinks() {
        port(JdbcClient.class).sql("DELETE FROM retrospectives").update();
        Retrospective retrospective = openRetrospective("change:CHG0030001");
        port(RetrospectiveFollowUps.class).replace(retrospective.id(),
                Set.of("a0000000000000000000000000000001", "b0000000000000000000000000000002"), START);
        port(LinkStore.class).insert(Link.newLink(EntityKind.ACTION_ITEM, "rb-1")
                .withExternalId(ExternalSystem.SERVICENOW, "a0000000000000000000000000000001"));
        port(LinkStore.class).insert(Link.newLink(EntityKind.ACTION_ITEM, "rb-2")
                .withExternalId(ExternalSystem.SERVICENOW, "b0000000000000000000000000000002"));
        EscalationRecord first = claimed(claimOf("rb-1", "standard", "remind", START));
        EscalationRecord second = claimed(claimOf("rb-1", "standard", "cab", START.plusSeconds(60)));
        claimed(claimOf("rb-elsewhere", "standard", "cab", START));

        Map<String, List<EscalationRecord>> byItem = escalations().forFollowUpsOf(List.of(retrospective.id()));

        assertThat(byItem).containsOnlyKeys("rb-1");
        assertThat(byItem.get("rb-1")).extracting(EscalationRecord::id).containsExactly(first.id(), second.id());
        assertThat(byItem).isEqualTo(escalations().forItems(List.of("rb-1", "rb-2")));
        assertThat(escalations().forFollowUpsOf(List.of())).isEmpty();
    }

    @Test
    void theListIsNewestFirstPagedAndFilteredByState() {
        EscalationRecord[] claims = new EscalationRecord[5];
        for (int i = 0; i < 5; i++) {
            claims[i] = claimed(claimOf("rb-" + i, "standard", "cab", START.plusSeconds(i * 60L)));
        }
        escalations().markRaised(claims[1].id(), "a1", "SCTASK1", START.plusSeconds(600), "raised");
        escalations().markRaised(claims[3].id(), "a3", "SCTASK3", START.plusSeconds(600), "raised");

        assertThat(escalations().list(Optional.empty(), 0, 10)).extracting(EscalationRecord::itemKey)
                .containsExactly("rb-4", "rb-3", "rb-2", "rb-1", "rb-0");
        assertThat(escalations().list(Optional.empty(), 1, 2)).extracting(EscalationRecord::itemKey)
                .containsExactly("rb-3", "rb-2");
        assertThat(escalations().list(Optional.empty(), 5, 2)).isEmpty();
        assertThat(escalations().list(Optional.of(EscalationState.RAISED), 0, 10)).extracting(EscalationRecord::itemKey)
                .containsExactly("rb-3", "rb-1");
        assertThat(escalations().list(Optional.of(EscalationState.CLAIMED), 1, 1)).extracting(EscalationRecord::itemKey)
                .containsExactly("rb-2");
        assertThat(escalations().list(Optional.of(EscalationState.RESOLVED), 0, 10)).isEmpty();
    }

    @Test
    void aListPageOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> escalations().list(Optional.empty(), -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> escalations().list(Optional.empty(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCycleTicketIsClaimedOnceThenRewrittenAndResolved() {
        GroupTicket claim = new GroupTicket("cab/2026-W48", "cab", "2026-W48", ExternalSystem.SERVICENOW, null, null,
                "rb-esc-aaaaaaaaaaaaaaaaaaaaaaaa", List.of("rb-2", "rb-1"), false, START);

        assertThat(escalations().groupTicket("cab/2026-W48")).isEmpty();
        assertThat(escalations().claimGroupTicket(claim)).isTrue();
        assertThat(escalations().claimGroupTicket(new GroupTicket("cab/2026-W48", "cab", "2026-W48", ExternalSystem.JIRA,
                null, null, "other", List.of("rb-9"), false, START.plusSeconds(5)))).isFalse();
        assertThat(escalations().groupTicket("cab/2026-W48")).contains(claim);

        GroupTicket created = new GroupTicket("cab/2026-W48", "cab", "2026-W48", ExternalSystem.SERVICENOW, "sys-9",
                "SCTASK0010009", claim.marker(), List.of("rb-2", "rb-1", "rb-3"), false, START.plusSeconds(10));
        escalations().updateGroupTicket(created);
        assertThat(escalations().groupTicket("cab/2026-W48")).contains(created);

        GroupTicket emptied = new GroupTicket("cab/2026-W48", "cab", "2026-W48", ExternalSystem.SERVICENOW, "sys-9",
                "SCTASK0010009", claim.marker(), List.of(), true, START.plusSeconds(20));
        escalations().updateGroupTicket(emptied);
        assertThat(escalations().groupTicket("cab/2026-W48")).contains(emptied);
        assertThat(escalations().groupTicket("cab/2026-W49")).isEmpty();
    }

    @Test
    void concurrentScansClaimACycleTicketOnce() throws InterruptedException {
        var outcomes = raceOn(100, () -> escalations().claimGroupTicket(new GroupTicket("rab/2026-W48+2", "rab",
                "2026-W48+2", ExternalSystem.JIRA, null, null, "rb-esc-bbbbbbbbbbbbbbbbbbbbbbbb", List.of("rb-1"), false,
                START)));

        assertThat(outcomes).allMatch(Outcome::succeeded);
        assertThat(outcomes).filteredOn(o -> Boolean.TRUE.equals(o.value())).hasSize(1);
    }

    @Test
    void aCycleTicketNeverClaimedCannotBeUpdated() {
        GroupTicket unclaimed = new GroupTicket("cab/2026-W50", "cab", "2026-W50", ExternalSystem.SERVICENOW, "sys-1",
                "SCTASK1", "m", List.of("rb-1"), false, START);

        assertThatThrownBy(() -> escalations().updateGroupTicket(unclaimed))
                .isInstanceOf(NoSuchElementException.class).hasMessageContaining("cab/2026-W50")
                .hasMessageContaining("claimGroupTicket");
        assertThat(escalations().groupTicket("cab/2026-W50")).isEmpty();
    }
}
