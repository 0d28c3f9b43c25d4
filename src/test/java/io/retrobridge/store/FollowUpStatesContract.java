package io.retrobridge.store;

import static io.retrobridge.domain.ExternalSystem.JIRA;
import static io.retrobridge.domain.ExternalSystem.SERVICENOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.sync.FollowUpStates;
import io.retrobridge.sync.FollowUpStates.FollowUpState;
import io.retrobridge.sync.FollowUpStates.ItemState;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.RetrospectiveFollowUps;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the effectiveness report relies on from any {@link FollowUpStates}. */
abstract class FollowUpStatesContract extends StoreContractSupport {

    private static final String LINKED = "a0000000000000000000000000000001";
    private static final String NOT_LINKED = "b0000000000000000000000000000002";
    private static final String NEVER_SYNCED = "c0000000000000000000000000000003";

    private FollowUpStates states() {
        return port(FollowUpStates.class);
    }

    @BeforeEach
    void noRetrospectives() {
        port(JdbcClient.class).sql("DELETE FROM retrospectives").update();
    }

    private Retrospective retrospective(String key) {
        return openRetrospective(key);
    }

    @Test
    void eachFollowUpHasItsLinksStateNarrowedToTheStateFieldsPerSide() {
        Retrospective read = retrospective("change:CHG0030001");
        Retrospective empty = retrospective("change:CHG0030002");
        Retrospective neverRead = retrospective("change:CHG0030003");
        port(RetrospectiveFollowUps.class).replace(read.id(), Set.of(LINKED, NOT_LINKED, NEVER_SYNCED), START);
        port(RetrospectiveFollowUps.class).replace(empty.id(), Set.of(), START);
        Map<String, String> jira = new HashMap<>();
        jira.put("title", "Add a canary stage");
        jira.put("description", "A long description a report never reads");
        jira.put("status", "IN_PROGRESS");
        jira.put("due-date", "2026-12-01");
        jira.put("failure-mode", null); // cleared on this side: absent
        port(LinkStore.class).insert(Link.newLink(EntityKind.ACTION_ITEM, "rb-linked")
                .withExternalId(JIRA, "PAY-30").withExternalId(SERVICENOW, LINKED)
                .withSnapshot(JIRA, new Snapshot(jira, START.plusSeconds(60)))
                .withSnapshot(SERVICENOW, new Snapshot(Map.of("title", "Add a canary stage", "status", "OPEN",
                        "failure-mode", "config-drift"), START)));
        port(LinkStore.class).insert(Link.newLink(EntityKind.ACTION_ITEM, "rb-never-synced")
                .withExternalId(SERVICENOW, NEVER_SYNCED));
        port(FollowUpStore.class).save(new FollowUpFact("rb-linked", "PTASK0010030", "Add a canary stage",
                "change:CHG0030001", "payments", null, LocalDate.of(2026, 12, 1), "done", LocalDate.of(2026, 11, 30),
                false, START));

        Map<UUID, List<FollowUpState>> states = states().of(List.of(read.id(), empty.id(), neverRead.id()));

        assertThat(states).containsOnlyKeys(read.id(), empty.id());
        assertThat(states.get(empty.id())).isEmpty();
        // Per field the newer side's value wins, and a side's empty value never hides the other side's.
        assertThat(states.get(read.id())).containsExactly(
                new FollowUpState(LINKED, "rb-linked", new ItemState("IN_PROGRESS", "2026-12-01", "config-drift"),
                        "PTASK0010030", LocalDate.of(2026, 11, 30)),
                new FollowUpState(NOT_LINKED, null, null, null, null),
                new FollowUpState(NEVER_SYNCED, "rb-never-synced", null, null, null));
    }

    @Test
    void aStateFollowsTheLinksUpdates() {
        Retrospective read = retrospective("change:CHG0030001");
        port(RetrospectiveFollowUps.class).replace(read.id(), Set.of(LINKED), START);
        Link link = port(LinkStore.class).insert(Link.newLink(EntityKind.ACTION_ITEM, "rb-linked")
                .withExternalId(SERVICENOW, LINKED)
                .withSnapshot(SERVICENOW, new Snapshot(Map.of("status", "OPEN", "due-date", "2026-12-01"), START)));

        port(LinkStore.class).update(link.withSnapshot(SERVICENOW,
                new Snapshot(Map.of("status", "DONE"), START.plusSeconds(600))));

        assertThat(states().of(List.of(read.id())).get(read.id())).containsExactly(new FollowUpState(LINKED,
                "rb-linked", new ItemState("DONE", null, null), null, null));
    }

    @Test
    void manyRetrospectivesAreReadInSeveralStatementsAsOne() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < JdbcFollowUpStates.RETROSPECTIVES_PER_READ + 5; i++) {
            Retrospective retrospective = retrospective("change:CHG1" + String.format("%06d", i));
            port(RetrospectiveFollowUps.class).replace(retrospective.id(),
                    Set.of(String.format("%032x", i)), START);
            ids.add(retrospective.id());
        }

        Map<UUID, List<FollowUpState>> states = states().of(ids);

        assertThat(states).hasSize(ids.size());
        assertThat(states.get(ids.get(ids.size() - 1))).extracting(FollowUpState::task)
                .containsExactly(String.format("%032x", ids.size() - 1));
    }
}
