package io.retrobridge.store;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.sync.DuplicateLinkException;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.StaleLinkException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the sync engine relies on from any {@link LinkStore}. */
abstract class LinkStoreContract extends StoreContractSupport {

    private LinkStore links() {
        return port(LinkStore.class);
    }

    private static Link actionItem(String correlationId, String jiraKey) {
        return Link.newLink(EntityKind.ACTION_ITEM, correlationId).withExternalId(JIRA, jiraKey);
    }

    private static Snapshot snapshot(Map<String, String> fields) {
        return new Snapshot(fields, START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aStoredLinkIsFoundByItsIdEachExternalIdAndItsCorrelationId() {
        Map<String, String> fields = new HashMap<>();
        fields.put("summary", "Add a canary stage to the release pipeline");
        fields.put("status", "open");
        fields.put("assignee", null); // empty on that side, which is not the same as unmapped
        Link link = actionItem("rb-7f3a", "RB-12")
                .withExternalId(SERVICENOW, "9d385017c611228701d22104cc95c371")
                .withSnapshot(JIRA, snapshot(fields))
                .withSnapshot(SERVICENOW, snapshot(Map.of("summary", "Add a canary stage to the release pipeline")));

        links().insert(link);

        assertThat(links().findById(link.id())).contains(link);
        assertThat(links().findByExternal(new ExternalRef(JIRA, "RB-12"))).contains(link);
        assertThat(links().findByExternal(new ExternalRef(SERVICENOW, "9d385017c611228701d22104cc95c371"))).contains(link);
        assertThat(links().findByCorrelationId("rb-7f3a")).contains(link);
        assertThat(links().findById(link.id()).orElseThrow().snapshotOn(JIRA).orElseThrow().fields())
                .containsEntry("assignee", null)
                .containsEntry("status", "open");
        assertThat(links().count()).isEqualTo(1);
    }

    @Test
    void severalLinksAreFoundInOneReadByTheirIdsOnOneSystemWithTheirSnapshots() {
        Link first = links().insert(actionItem("rb-1", "RB-1").withExternalId(SERVICENOW, "sn-1")
                .withSnapshot(JIRA, snapshot(Map.of("title", "One"))).withSnapshot(SERVICENOW, snapshot(Map.of())));
        Link second = links().insert(actionItem("rb-2", "RB-2").withExternalId(SERVICENOW, "sn-2")
                .withSnapshot(SERVICENOW, snapshot(Map.of("title", "Two"))));
        links().insert(actionItem("rb-3", "RB-3").withExternalId(SERVICENOW, "sn-3"));

        Map<String, Link> found = links().findByExternalIds(SERVICENOW, List.of("sn-2", "sn-1", "sn-unknown", "RB-3"));

        assertThat(found).containsOnlyKeys("sn-1", "sn-2");
        assertThat(found.get("sn-1")).isEqualTo(first);
        assertThat(found.get("sn-2")).isEqualTo(second);
        assertThat(links().findByExternalIds(SERVICENOW, List.of())).isEmpty();
    }

    @Test
    void fieldTextOfAnyKindComesBackExactly() {
        Map<String, String> fields = Map.of(
                "summary", "Ünïcödé ✓ 日本語 \uD83D\uDE80 \"quoted\" 'single' back\\slash",
                "description", "line one\nline two\r\n\ttabbed " + "x".repeat(100_000),
                "json", "{\"not\": [\"parsed\"]}",
                "empty", "");
        Link link = links().insert(actionItem("rb-1", "RB-1").withSnapshot(JIRA, snapshot(fields)));

        assertThat(links().findById(link.id()).orElseThrow().snapshotOn(JIRA).orElseThrow().fields()).isEqualTo(fields);
    }

    @Test
    void unknownIdsFindNothing() {
        links().insert(actionItem("rb-1", "RB-1"));

        assertThat(links().findById(UUID.randomUUID())).isEmpty();
        assertThat(links().findByExternal(new ExternalRef(JIRA, "RB-2"))).isEmpty();
        assertThat(links().findByExternal(new ExternalRef(SERVICENOW, "RB-1"))).isEmpty();
        assertThat(links().findByCorrelationId("rb-2")).isEmpty();
    }

    @Test
    void aLinkWithoutExternalIdsYetCanBeStoredAndFoundByCorrelationId() {
        Link beforeCreate = Link.newLink(EntityKind.ESCALATION, "rb-esc-1");

        links().insert(beforeCreate);

        assertThat(links().findByCorrelationId("rb-esc-1")).contains(beforeCreate);
    }

    @Test
    void updateStoresNewIdsAndSnapshotsAndMovesTheVersion() {
        Link stored = links().insert(actionItem("rb-1", "RB-1").withSnapshot(JIRA, snapshot(Map.of("status", "open"))));

        Link changed = stored.withExternalId(SERVICENOW, "sn-1")
                .withSnapshot(JIRA, snapshot(Map.of("status", "done")))
                .withSnapshot(SERVICENOW, snapshot(Map.of("state", "3")));
        Link updated = links().update(changed);

        assertThat(updated.version()).isEqualTo(1);
        assertThat(links().findById(stored.id())).contains(updated);
        assertThat(links().findByExternal(new ExternalRef(SERVICENOW, "sn-1"))).contains(updated);
        assertThat(updated.snapshotOn(JIRA).orElseThrow().fields()).containsExactly(Map.entry("status", "done"));
    }

    /**
     * The sync records each run inside a savepoint of the event's transaction: a stale update rolls back to it, and the
     * run repeated with fresh state still commits with the event.
     */
    @Test
    void aStaleUpdateInsideASavepointLeavesTheSurroundingTransactionUsable() {
        Link read = links().insert(actionItem("rb-9", "RB-9"));
        links().update(read.withSnapshot(JIRA, snapshot(Map.of("status", "done"))));
        var transactions = port(org.springframework.transaction.PlatformTransactionManager.class);
        var event = new org.springframework.transaction.support.TransactionTemplate(transactions);
        var run = new org.springframework.transaction.support.TransactionTemplate(transactions);
        run.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);

        Link repeated = event.execute(status -> {
            assertThatThrownBy(() -> run.execute(s -> links().update(read.withSnapshot(JIRA,
                    snapshot(Map.of("status", "open")))))).isInstanceOf(StaleLinkException.class);
            Link fresh = links().findById(read.id()).orElseThrow();
            return run.execute(s -> links().update(fresh.withSnapshot(JIRA, snapshot(Map.of("status", "open")))));
        });

        assertThat(links().findById(read.id())).contains(repeated);
    }

    @Test
    void anUpdateFromAnOldReadIsRefusedAndChangesNothing() {
        Link read = links().insert(actionItem("rb-1", "RB-1"));
        Link winner = links().update(read.withSnapshot(JIRA, snapshot(Map.of("status", "done"))));

        assertThatThrownBy(() -> links().update(read.withSnapshot(JIRA, snapshot(Map.of("status", "open")))))
                .isInstanceOf(StaleLinkException.class)
                .hasMessageContaining(read.id().toString())
                .hasMessageContaining("Read the link again");

        assertThat(links().findById(read.id())).contains(winner);
    }

    @Test
    void updatingALinkThatWasNeverStoredSaysSo() {
        Link neverStored = actionItem("rb-1", "RB-1");

        assertThatThrownBy(() -> links().update(neverStored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stored link")
                .hasMessageContaining("insert");
        assertThat(links().count()).isZero();
    }

    @Test
    void aSecondLinkForTheSameExternalRecordIsRefusedAndNothingOfItIsStored() {
        Link first = links().insert(actionItem("rb-1", "RB-1"));
        Link second = actionItem("rb-2", "RB-1").withExternalId(SERVICENOW, "sn-2");

        assertThatThrownBy(() -> links().insert(second))
                .isInstanceOf(DuplicateLinkException.class)
                .hasMessageContaining("RB-1")
                .hasMessageContaining("findByExternal");

        assertThat(links().count()).isEqualTo(1);
        assertThat(links().findByExternal(new ExternalRef(JIRA, "RB-1"))).contains(first);
        assertThat(links().findByExternal(new ExternalRef(SERVICENOW, "sn-2"))).isEmpty();
        assertThat(links().findByCorrelationId("rb-2")).isEmpty();
    }

    @Test
    void aSecondLinkWithTheSameCorrelationIdIsRefused() {
        links().insert(actionItem("rb-1", "RB-1"));

        assertThatThrownBy(() -> links().insert(actionItem("rb-1", "RB-2")))
                .isInstanceOf(DuplicateLinkException.class)
                .hasMessageContaining("correlation id 'rb-1'");
        assertThat(links().findByExternal(new ExternalRef(JIRA, "RB-2"))).isEmpty();
    }

    @Test
    void anUpdateThatWouldTakeAnotherLinksExternalIdIsRefusedAndRolledBack() {
        links().insert(actionItem("rb-1", "RB-1"));
        Link other = links().insert(actionItem("rb-2", "RB-2"));

        assertThatThrownBy(() -> links().update(other.withExternalId(JIRA, "RB-1")))
                .isInstanceOf(DuplicateLinkException.class);

        assertThat(links().findById(other.id())).contains(other);
    }

    @Test
    void insertingALinkThatClaimsToBeStoredAlreadyIsRefused() {
        Link atVersion3 = actionItem("rb-1", "RB-1").atVersion(3);

        assertThatThrownBy(() -> links().insert(atVersion3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 0");
        assertThat(links().count()).isZero();
    }

    @Test
    void ofTwoConcurrentUpdatesOfOneLinkExactlyOneWins() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            Link read = links().insert(actionItem("rb-" + round, "RB-" + round));

            List<Outcome<Link>> outcomes = raceOn(2, () -> links().update(
                    read.withSnapshot(JIRA, snapshot(Map.of("writer", Thread.currentThread().getName())))));

            assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                    .singleElement()
                    .extracting(Outcome::failure)
                    .isInstanceOf(StaleLinkException.class);
            Link winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value();
            assertThat(links().findById(read.id())).contains(winner);
        }
    }

    @Test
    void ofConcurrentInsertsForOneExternalRecordExactlyOneIsStored() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            String jiraKey = "RB-" + round;

            List<Outcome<Link>> outcomes = raceOn(4, () -> links().insert(actionItem("rb-" + UUID.randomUUID(), jiraKey)));

            assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
                    .hasSize(3)
                    .allSatisfy(outcome -> assertThat(outcome.failure())
                            .isInstanceOf(DuplicateLinkException.class)
                            .hasMessageContaining(jiraKey));
            Link winner = outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value();
            assertThat(links().findByExternal(new ExternalRef(JIRA, jiraKey))).contains(winner);
        }
        assertThat(links().count()).isEqualTo(5);
    }
}
