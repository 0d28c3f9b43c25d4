package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.domain.Scope;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.gate.FollowUp;
import io.retrobridge.gate.GateAnswer;
import io.retrobridge.gate.GateDecider;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateFacts;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.gate.RetrospectiveFacts;
import io.retrobridge.gate.facts.LocalGateFacts;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.RetrospectiveFollowUps;
import io.retrobridge.sync.RetrospectiveStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The gate's facts as {@link LocalGateFacts} reads them from a real store, classified and dated by the shipped
 * mappings (a {@code hotfix} label makes an immediate fix; due dates pass at midnight UTC).
 */
abstract class LocalGateFactsContract extends StoreContractSupport {

    private static final String APP = "payment-gateway";
    /** After the shipped waiver of payment-gateway's open fixes ran out. */
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final ReleaseQuestion PROD = new ReleaseQuestion("prod", APP, "4.3.0", "production", null, null,
            null);

    private CurrentMappings mappings;

    @BeforeAll
    void loadShippedMappings() throws Exception {
        mappings = new CurrentMappings(MappingLoader.forValidation().load(Path.of("mappings")));
    }

    @BeforeEach
    void noRetrospectives() {
        port(JdbcClient.class).sql("DELETE FROM retrospectives").update();
    }

    private LocalGateFacts source() {
        return new LocalGateFacts(port(RetrospectiveStore.class), port(RetrospectiveFollowUps.class),
                port(LinkStore.class), port(EscalationStore.class), port(FollowUpStore.class), mappings);
    }

    private Retrospective retrospective(String change, String application, Instant openedAt) {
        Retrospective opened = port(RetrospectiveStore.class).open(new RetrospectiveTrigger("change:" + change,
                "failed-production-change", "deep-dive", List.of("root-cause"), List.of("lessons"),
                "change closed unsuccessful", application, "production", "4.2", change, null,
                LocalDate.of(2026, 12, 3), openedAt, List.of("change:" + change)), "problem", openedAt);
        return port(RetrospectiveStore.class).recordServiceNow(opened.id(), "sys-" + change, "PRB-" + change, null,
                "no change");
    }

    private void refreshed(Retrospective retrospective, String... taskSysIds) {
        port(RetrospectiveFollowUps.class).replace(retrospective.id(), Set.of(taskSysIds), START);
    }

    /** A synced item: its ServiceNow task, its Jira issue, and the canonical fields the sync last remembered. */
    private Link item(String taskSysId, String number, String title, String status, String due, String labels,
                      String failureMode) {
        Map<String, String> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("status", status);
        fields.put("priority", "HIGH");
        fields.put("due-date", due);
        fields.put("labels", labels);
        fields.put("failure-mode", failureMode);
        Link link = Link.newLink(EntityKind.ACTION_ITEM, "rb-" + taskSysId)
                .withExternalId(ExternalSystem.SERVICENOW, taskSysId)
                .withExternalId(ExternalSystem.JIRA, "100" + taskSysId.length() + taskSysId.hashCode())
                .withSnapshot(ExternalSystem.SERVICENOW, new Snapshot(fields, START))
                .withSnapshot(ExternalSystem.JIRA, new Snapshot(fields, START));
        port(LinkStore.class).insert(link);
        port(FollowUpStore.class).save(new FollowUpFact(link.correlationId(), number, title, null, null, null, null,
                status.toLowerCase(Locale.ROOT).replace('_', '-'), null, false, START));
        return link;
    }

    private void markDone(Link link) {
        Link stored = port(LinkStore.class).findById(link.id()).orElseThrow();
        Map<String, String> fields = new HashMap<>(stored.snapshotOn(ExternalSystem.JIRA).orElseThrow().fields());
        fields.put("status", "DONE");
        Snapshot done = new Snapshot(fields, START.plusSeconds(60));
        port(LinkStore.class).update(stored.withSnapshot(ExternalSystem.JIRA, done)
                .withSnapshot(ExternalSystem.SERVICENOW, done));
    }

    private void escalate(Link link, String board, EscalationState state) {
        EscalationRecord claim = new EscalationRecord(UUID.randomUUID(), link.correlationId(), "overdue-fixes",
                "board", board, "ticket", null, null, null, null, "rb-esc-" + link.correlationId(),
                EscalationState.CLAIMED, 5, START, null, null, "5 days overdue");
        port(EscalationStore.class).claim(claim);
        if (state != EscalationState.CLAIMED) {
            port(EscalationStore.class).markRaised(claim.id(), "sys-ticket", "SCTASK0010001", START, "raised");
        }
        if (state == EscalationState.RESOLVED) {
            port(EscalationStore.class).markResolved(claim.id(), START, "done");
        }
    }

    private static GateFacts.Gathered gathered(GateFacts facts) {
        assertThat(facts).isInstanceOf(GateFacts.Gathered.class);
        return (GateFacts.Gathered) facts;
    }

    @Test
    void theApplicationsRetrospectivesComeNewestFirstAndOnlyItsOwn() {
        Retrospective older = retrospective("CHG0030001", APP, START.minusSeconds(7200));
        Retrospective newer = retrospective("CHG0030002", APP, START.minusSeconds(3600));
        Retrospective other = retrospective("CHG0030003", "checkout", START);
        refreshed(older);
        refreshed(newer);
        refreshed(other);

        GateFacts.Gathered facts = gathered(source().factsFor(APP, NOW));

        assertThat(facts.retrospectives()).extracting(RetrospectiveFacts::key)
                .containsExactly("change:CHG0030002", "change:CHG0030001");
        RetrospectiveFacts first = facts.retrospectives().get(0);
        assertThat(first.changeNumber()).isEqualTo("CHG0030002");
        assertThat(first.serviceNowNumber()).isEqualTo("PRB-CHG0030002");
        assertThat(first.openedAt()).isEqualTo(START.minusSeconds(3600));
        assertThat(first.followUps()).isEmpty();
    }

    @Test
    void followUpsCarryTheirSnapshotsStatusScopeDueDateAndFailureMode() {
        Retrospective retro = retrospective("CHG0030001", APP, START);
        Link fix = item("task-fix", "PTASK0010001", "Roll back config on error spike", "IN_PROGRESS", "2026-12-10",
                "hotfix", "config-drift");
        Link training = item("task-training", "PTASK0010002", "Runbook walkthrough", "DONE", "", "", "");
        refreshed(retro, "task-fix", "task-training");

        List<FollowUp> items = gathered(source().factsFor(APP, NOW)).retrospectives().get(0).followUps();

        assertThat(items).hasSize(2);
        FollowUp open = items.stream().filter(i -> i.linkId().equals(fix.id().toString())).findFirst().orElseThrow();
        assertThat(open.title()).isEqualTo("Roll back config on error spike");
        assertThat(open.serviceNowNumber()).isEqualTo("PTASK0010001");
        assertThat(open.scope()).isEqualTo(Scope.IMMEDIATE_FIX);
        assertThat(open.open()).isTrue();
        assertThat(open.due()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(open.failureMode()).isEqualTo("config-drift");
        assertThat(open.escalatedTo()).isNull();
        assertThat(open.overdue()).isFalse();
        FollowUp done = items.stream().filter(i -> i.linkId().equals(training.id().toString())).findFirst()
                .orElseThrow();
        assertThat(done.open()).isFalse();
        assertThat(done.scope()).isEqualTo(Scope.PROCESS_IMPROVEMENT);
        assertThat(done.due()).isNull();
        assertThat(done.failureMode()).isNull();
    }

    @Test
    void anItemWithAnUnresolvedBoardEscalationIsEscalatedAndOverdueAndAResolvedOneIsNot() {
        Retrospective retro = retrospective("CHG0030001", APP, START);
        Link raised = item("task-raised", "PTASK0010001", "Fix ledger", "OPEN", TODAY.toString(), "", "");
        Link resolved = item("task-resolved", "PTASK0010002", "Fix alerting", "OPEN", "", "", "");
        Link late = item("task-late", "PTASK0010003", "Fix paging", "OPEN", TODAY.minusDays(1).toString(), "", "");
        escalate(raised, "CAB", EscalationState.RAISED);
        escalate(resolved, "ARB", EscalationState.RESOLVED);
        refreshed(retro, "task-raised", "task-resolved", "task-late");

        Map<String, FollowUp> byNumber = new HashMap<>();
        gathered(source().factsFor(APP, NOW)).retrospectives().get(0).followUps()
                .forEach(item -> byNumber.put(item.serviceNowNumber(), item));

        assertThat(byNumber.get("PTASK0010001").escalatedTo()).isEqualTo("CAB");
        assertThat(byNumber.get("PTASK0010001").escalatedAndOverdue()).isTrue();
        assertThat(byNumber.get("PTASK0010002").escalatedTo()).isNull();
        assertThat(byNumber.get("PTASK0010002").overdue()).isFalse();
        assertThat(byNumber.get("PTASK0010003").overdue()).isTrue();
        assertThat(byNumber.get("PTASK0010003").escalatedAndOverdue()).isFalse();
    }

    @Test
    void anApplicationWithMoreItemsThanOneReadTakesIsReadWhole() {
        Retrospective retro = retrospective("CHG0030001", APP, START);
        int count = 2 * LocalGateFacts.IDS_PER_READ + 1;
        String[] tasks = new String[count];
        for (int i = 0; i < count; i++) {
            tasks[i] = String.format("task-%04d", i);
            Link link = item(tasks[i], String.format("PTASK%07d", i), "Fix " + i, "OPEN", "", "", "");
            if (i == 0 || i == count - 1) {
                escalate(link, "CAB-" + i, EscalationState.RAISED);
            }
        }
        refreshed(retro, tasks);

        List<FollowUp> items = gathered(source().factsFor(APP, NOW)).retrospectives().get(0).followUps();

        assertThat(items).hasSize(count);
        assertThat(items).allSatisfy(item -> assertThat(item.serviceNowNumber()).startsWith("PTASK"));
        assertThat(items).filteredOn(item -> item.escalatedTo() != null).extracting(FollowUp::serviceNowNumber,
                FollowUp::escalatedTo).containsExactlyInAnyOrder(
                tuple("PTASK0000000", "CAB-0"),
                tuple(String.format("PTASK%07d", count - 1), "CAB-" + (count - 1)));
    }

    @Test
    void aRetrospectiveWhoseFollowUpsWereNeverReadIsNotReadyYet() {
        refreshed(retrospective("CHG0030001", APP, START.minusSeconds(60)));
        retrospective("CHG0030002", APP, START);

        GateFacts facts = source().factsFor(APP, NOW);

        assertThat(facts).isEqualTo(GateFacts.notReady("follow-ups of change:CHG0030002 not read yet"));
    }

    @Test
    void aTaskNoLinkHoldsYetIsLeftOut() {
        Retrospective retro = retrospective("CHG0030001", APP, START);
        item("task-synced", "PTASK0010001", "Fix ledger", "OPEN", "", "", "");
        refreshed(retro, "task-synced", "task-not-synced");

        List<FollowUp> items = gathered(source().factsFor(APP, NOW)).retrospectives().get(0).followUps();

        assertThat(items).extracting(FollowUp::serviceNowNumber).containsExactly("PTASK0010001");
    }

    @Test
    void aStoreThatCannotBeReadMakesTheFactsUnavailable() {
        DriverManagerDataSource nowhere = new DriverManagerDataSource("jdbc:h2:mem:no-such-store;IFEXISTS=TRUE");
        LocalGateFacts source = new LocalGateFacts(new JdbcRetrospectiveStore(JdbcClient.create(nowhere)),
                port(RetrospectiveFollowUps.class), port(LinkStore.class), port(EscalationStore.class),
                port(FollowUpStore.class), mappings);

        GateFacts facts = source.factsFor(APP, NOW);

        assertThat(facts).isInstanceOf(GateFacts.Unavailable.class);
        assertThat(((GateFacts.Unavailable) facts).why()).startsWith("the local store could not be read: ");
    }

    @Test
    void theShippedPolicyDeniesAnOpenImmediateFixAndAllowsOnceItsSnapshotSaysDone() {
        Retrospective retro = retrospective("CHG0030001", APP, START);
        Link fix = item("task-fix", "PTASK0010001", "Roll back config on error spike", "OPEN", "2026-12-20",
                "hotfix", "");
        refreshed(retro, "task-fix");
        GateDecider decider = new GateDecider();

        GateAnswer denied = decider.decide(mappings.gates().orElseThrow(), PROD, source().factsFor(APP, NOW), NOW);
        markDone(fix);
        GateAnswer allowed = decider.decide(mappings.gates().orElseThrow(), PROD, source().factsFor(APP, NOW), NOW);

        assertThat(denied.decision()).isEqualTo(GateDecision.DENY);
        assertThat(denied.reason()).contains("PTASK0010001");
        assertThat(allowed.decision()).isEqualTo(GateDecision.ALLOW);
    }
}
