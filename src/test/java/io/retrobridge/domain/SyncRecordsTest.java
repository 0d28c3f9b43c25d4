package io.retrobridge.domain;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The records the sync keeps refuse bad values with a message that names the value, and cannot be changed afterwards. */
class SyncRecordsTest {

    private static final Instant AT = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void aNewLinkKnowsNothingYetAndLearnsIdsAndSnapshotsWithoutChangingTheOriginal() {
        Link fresh = Link.newLink(EntityKind.ACTION_ITEM, "rb-1");
        Snapshot written = new Snapshot(Map.of("status", "done"), AT);

        Link known = fresh.withExternalId(JIRA, "RB-12").withSnapshot(JIRA, written);

        assertThat(fresh.idOn(JIRA)).isEmpty();
        assertThat(fresh.snapshotOn(JIRA)).isEmpty();
        assertThat(fresh.version()).isZero();
        assertThat(known.idOn(JIRA)).contains("RB-12");
        assertThat(known.refOn(JIRA)).contains(new ExternalRef(JIRA, "RB-12"));
        assertThat(known.idOn(SERVICENOW)).isEmpty();
        assertThat(known.snapshotOn(JIRA)).contains(written);
        assertThat(known.id()).isEqualTo(fresh.id());
        assertThat(known.version()).isEqualTo(fresh.version());
    }

    @Test
    void aLinkCopiesItsMapsSoLaterChangesToThemDoNotLeakIn() {
        Map<ExternalSystem, String> ids = new HashMap<>(Map.of(JIRA, "RB-1"));
        Link link = new Link(UUID.randomUUID(), EntityKind.CHANGE_RECORD, "rb-1", ids, Map.of(), 0);

        ids.put(SERVICENOW, "sn-1");

        assertThat(link.externalIds()).containsOnlyKeys(JIRA);
        assertThatThrownBy(() -> link.externalIds().put(SERVICENOW, "sn-1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aLinkRefusesBlankIdsAndNegativeVersions() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new Link(id, EntityKind.ACTION_ITEM, " ", Map.of(), Map.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlationId");
        assertThatThrownBy(() -> new Link(id, EntityKind.ACTION_ITEM, "rb-1", Map.of(JIRA, ""), Map.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id on JIRA");
        assertThatThrownBy(() -> new Link(id, EntityKind.ACTION_ITEM, "rb-1", Map.of(), Map.of(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> new Link(id, null, "rb-1", Map.of(), Map.of(), 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("kind");
    }

    @Test
    void anExternalIdMustBeAnIdNotAText() {
        assertThatThrownBy(() -> new ExternalRef(JIRA, "x".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 255");
        assertThatThrownBy(() -> new ExternalRef(JIRA, " RB-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trim");
        assertThat(new ExternalRef(SERVICENOW, "9d385017c611228701d22104cc95c371")).hasToString("SERVICENOW 9d385017c611228701d22104cc95c371");
    }

    @Test
    void aSnapshotKeepsEmptyFieldsApartFromUnmappedOnes() {
        Map<String, String> fields = new HashMap<>();
        fields.put("assignee", null);
        fields.put("status", "open");

        Snapshot snapshot = new Snapshot(fields, AT);

        assertThat(snapshot.fields()).containsKey("assignee").doesNotContainKey("priority");
        assertThat(snapshot.value("assignee")).isEmpty();
        assertThat(snapshot.value("status")).contains("open");
        assertThat(snapshot).isEqualTo(new Snapshot(new HashMap<>(fields), AT));
        assertThatThrownBy(() -> new Snapshot(Map.of(" ", "x"), AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("field name");
    }

    @Test
    void aJournalEntryIsUnstoredUntilItHasAnIdAndNeedsASummary() {
        List<String> rules = new ArrayList<>(List.of("status-map:done"));
        JournalEntry entry = JournalEntry.of(AT, null, new ExternalRef(JIRA, "RB-1"), JournalAction.WROTE,
                "Closed the ServiceNow task", rules, null);
        rules.add("later");

        assertThat(entry.isStored()).isFalse();
        assertThat(entry.withId(7).isStored()).isTrue();
        assertThat(entry.ruleIds()).containsExactly("status-map:done");
        assertThatThrownBy(() -> JournalEntry.of(AT, null, new ExternalRef(JIRA, "RB-1"), JournalAction.WROTE, "",
                List.of(), null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summary");
        assertThatThrownBy(() -> entry.withId(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInboundEventNamesItsEntityAndRefusesOversizedDedupKeys() {
        InboundEvent event = InboundEvent.received(SERVICENOW, "servicenow:task_updated", "sn-1", "sn-1@2026", AT, "{}");

        assertThat(event.entity()).isEqualTo(new ExternalRef(SERVICENOW, "sn-1"));
        assertThatThrownBy(() -> InboundEvent.received(JIRA, "jira:issue_updated", "RB-1", "k".repeat(513), AT, "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hash");
        assertThatThrownBy(() -> InboundEvent.received(JIRA, "jira:issue_updated", "RB-1", "key", AT, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("payload");
    }

    @Test
    void aDeadLetterWaitsUntilReplayedAndNeedsAnError() {
        InboundEvent event = InboundEvent.received(JIRA, "jira:issue_updated", "RB-1", "key", AT, "{}");
        DeadLetter letter = DeadLetter.park(event, "503 after 5 attempts", 5, AT);

        assertThat(letter.isReplayed()).isFalse();
        assertThat(letter.replayedAt(AT.plusSeconds(60)).replayed()).contains(AT.plusSeconds(60));
        assertThatThrownBy(() -> DeadLetter.park(event, " ", 5, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("error");
        assertThatThrownBy(() -> DeadLetter.park(event, "boom", -1, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempts");
    }

    @Test
    void aWatermarkCopiesItsIds() {
        Set<String> ids = new HashSet<>(Set.of("RB-1"));
        Watermark watermark = new Watermark("jira-issues", AT, ids);

        ids.add("RB-2");

        assertThat(watermark.idsAtWatermark()).containsExactly("RB-1");
        assertThatThrownBy(() -> new Watermark("", AT, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poller");
    }
}
