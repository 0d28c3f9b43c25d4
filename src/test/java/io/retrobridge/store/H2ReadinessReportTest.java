package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.Scope;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateFactsSource;
import io.retrobridge.gate.facts.LocalGateFacts;
import io.retrobridge.insight.readiness.Readiness;
import io.retrobridge.insight.readiness.Readiness.FailureMode;
import io.retrobridge.insight.readiness.Readiness.OpenFollowUp;
import io.retrobridge.insight.readiness.ReadinessProperties;
import io.retrobridge.insight.readiness.ReadinessReport;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.PirStore;
import io.retrobridge.sync.RetrospectiveFollowUps;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.testsupport.ReadinessSeed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The readiness report's figures on a store seeded through the real JDBC stores, with the gate's own facts source
 * and the shipped gates.yaml (payment-gateway is high risk, enforced in production).
 */
class H2ReadinessReportTest extends StoreContractSupport {

    private static final String APP = "payment-gateway";
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private CurrentMappings mappings;
    private ReadinessSeed seed;

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

    @BeforeAll
    void loadShippedMappings() throws Exception {
        mappings = new CurrentMappings(MappingLoader.forValidation().load(Path.of("mappings")));
    }

    @BeforeEach
    void emptyStore() {
        JdbcClient jdbc = port(JdbcClient.class);
        for (String table : List.of("retrospectives", "deployments", "pir_written_notes", "pir_summaries",
                "gate_evaluations")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        seed = new ReadinessSeed(port(RetrospectiveStore.class), port(RetrospectiveFollowUps.class),
                port(LinkStore.class), port(EscalationStore.class), port(FollowUpStore.class),
                port(DeploymentStore.class), port(PirStore.class));
    }

    private LocalGateFacts facts() {
        return new LocalGateFacts(port(RetrospectiveStore.class), port(RetrospectiveFollowUps.class),
                port(LinkStore.class), port(EscalationStore.class), port(FollowUpStore.class), mappings);
    }

    private ReadinessReport report(ReadinessProperties settings) {
        return report(mappings::gates, this::facts, settings);
    }

    private ReadinessReport report(Supplier<Optional<GatePolicy>> policy, Supplier<GateFactsSource> facts,
                                   ReadinessProperties settings) {
        return new ReadinessReport(policy, facts, WorkCalendar::standard, port(RetrospectiveStore.class),
                port(DeploymentStore.class), port(PirStore.class), settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    /**
     * Two retrospectives of payment-gateway naming config-drift (one item overdue and escalated to CAB), one of
     * checkout; runs in and out of the 90-day window, in and out of production; PIRs of three releases.
     */
    private void seedPaymentGateway() {
        Retrospective older = seed.retrospective("CHG0030001", APP, daysAgo(20));
        Link ledger = seed.item("task-ledger", "PTASK0010001", "Fix ledger rounding", "OPEN", "2026-12-01", "hotfix",
                "config-drift", daysAgo(20));
        seed.item("task-runbook", "PTASK0010002", "Runbook walkthrough", "DONE", "2026-11-20", "", "config-drift",
                daysAgo(20));
        seed.escalated(ledger, "CAB", daysAgo(3));
        seed.followUps(older, daysAgo(1), "task-ledger", "task-runbook");
        Retrospective newer = seed.retrospective("CHG0030002", APP, daysAgo(5));
        seed.item("task-canary", "PTASK0010003", "Add canary alert", "IN_PROGRESS", "2026-12-20", "", "config-drift",
                daysAgo(5));
        seed.item("task-pin", "PTASK0010004", "Pin the TLS library", "OPEN", "", "", "dependency-drift", daysAgo(5));
        seed.followUps(newer, daysAgo(1), "task-canary", "task-pin");
        Retrospective checkout = seed.retrospective("CHG0030003", "checkout", daysAgo(2));
        seed.item("task-checkout", "PTASK0010005", "Checkout fix", "OPEN", "2026-11-01", "hotfix", "config-drift",
                daysAgo(2));
        seed.followUps(checkout, daysAgo(1), "task-checkout");

        seed.run("r1", APP, "production", "4.1.0", daysAgo(60), DeploymentResult.SUCCESS, false, null);
        seed.run("r2", APP, "production", "4.2.0", daysAgo(30), DeploymentResult.FAILURE, false, null);
        seed.run("r3", APP, "production", "4.1.0", daysAgo(29), DeploymentResult.SUCCESS, true, null);
        seed.run("r4", APP, "production", "4.2.1", daysAgo(100), DeploymentResult.ABORTED, false, null);
        seed.run("r5", APP, "staging", "4.3.0", daysAgo(4), DeploymentResult.FAILURE, false, null);
        seed.run("r6", APP, "production", "4.2.2", daysAgo(3), DeploymentResult.SUCCESS, false, "CHG0030009");
        seed.run("r7", "checkout", "production", "9.9.9", daysAgo(1), DeploymentResult.FAILURE, true, null);

        seed.pir("payment-gateway@production@4.1.0", null, APP, "4.1.0", daysAgo(60));
        seed.pir("change:CHG0030009", "CHG0030009", APP, "4.2.2", daysAgo(3));
        seed.pir("checkout@production@9.9.9", null, "checkout", "9.9.9", daysAgo(1));
    }

    @Test
    void openFollowUpsComeOverdueFirstWithTheirDueDateDaysOverdueAndBoard() {
        seedPaymentGateway();

        Readiness.FollowUps followUps = report(ReadinessProperties.defaults()).review(APP, "4.3.0").followUps();

        assertThat(followUps.note()).isNull();
        assertThat(followUps.open()).isEqualTo(3);
        assertThat(followUps.overdue()).isEqualTo(1);
        assertThat(followUps.escalated()).isEqualTo(1);
        assertThat(followUps.items()).extracting(OpenFollowUp::serviceNowNumber)
                .containsExactly("PTASK0010001", "PTASK0010003", "PTASK0010004");
        OpenFollowUp ledger = followUps.items().get(0);
        assertThat(ledger.title()).isEqualTo("Fix ledger rounding");
        assertThat(ledger.retrospective()).isEqualTo("CHG0030001");
        assertThat(ledger.due()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ledger.overdue()).isTrue();
        assertThat(ledger.daysOverdue()).isEqualTo(6L);
        assertThat(ledger.escalatedTo()).isEqualTo("CAB");
        assertThat(ledger.scope()).isEqualTo(Scope.IMMEDIATE_FIX);
        OpenFollowUp canary = followUps.items().get(1);
        assertThat(canary.overdue()).isFalse();
        assertThat(canary.daysOverdue()).isZero();
        assertThat(canary.escalatedTo()).isNull();
        assertThat(followUps.items().get(2).daysOverdue()).isNull();
    }

    @Test
    void failedRunsAndRollbacksOfTheWindowInTheEnvironmentAreCountedAndListedNewestFirst() {
        seedPaymentGateway();

        Readiness.Deployments runs = report(ReadinessProperties.defaults()).review(APP, null).deployments();

        assertThat(runs.environment()).isEqualTo("production");
        assertThat(runs.from()).isEqualTo(daysAgo(90));
        assertThat(runs.to()).isEqualTo(NOW);
        assertThat(runs.finished()).isEqualTo(4);
        assertThat(runs.failed()).isEqualTo(1);
        assertThat(runs.rollbacks()).isEqualTo(1);
        assertThat(runs.wentWrong()).extracting(Deployment::runId).containsExactly("r3", "r2");
    }

    @Test
    void theDeploymentWindowIsASetting() {
        seedPaymentGateway();

        Readiness.Deployments runs = report(new ReadinessProperties("production", "prod", Duration.ofDays(10)))
                .review(APP, null).deployments();

        assertThat(runs.finished()).isEqualTo(1);
        assertThat(runs.failed()).isZero();
        assertThat(runs.wentWrong()).isEmpty();
    }

    @Test
    void theLastPirIsTheApplicationsNewestAndTheVersionsOwnIsFoundToo() {
        seedPaymentGateway();

        Readiness.Pirs pir = report(ReadinessProperties.defaults()).review(APP, "4.1.0").pir();

        assertThat(pir.latest().key()).isEqualTo("change:CHG0030009");
        assertThat(pir.forVersion().key()).isEqualTo("payment-gateway@production@4.1.0");
        assertThat(report(ReadinessProperties.defaults()).review(APP, "4.3.0").pir().forVersion()).isNull();
    }

    @Test
    void failureModesSayHowOftenEachWasNamedAndWhetherItRecurred() {
        seedPaymentGateway();

        List<FailureMode> modes = report(ReadinessProperties.defaults()).review(APP, null).failureModes();

        assertThat(modes).extracting(FailureMode::name).containsExactly("config-drift", "dependency-drift");
        FailureMode drift = modes.get(0);
        assertThat(drift.retrospectives()).isEqualTo(2);
        assertThat(drift.items()).isEqualTo(3);
        assertThat(drift.open()).isEqualTo(2);
        assertThat(drift.recurred()).isTrue();
        assertThat(drift.namedIn()).containsExactly("CHG0030002", "CHG0030001");
        assertThat(drift.lastNamed()).isEqualTo(daysAgo(5));
        FailureMode pinning = modes.get(1);
        assertThat(pinning.retrospectives()).isEqualTo(1);
        assertThat(pinning.recurred()).isFalse();
    }

    @Test
    void theGateIsAskedReadOnlyAndAnswersAsTheEndpointWould() {
        seedPaymentGateway();

        Readiness readiness = report(ReadinessProperties.defaults()).review(APP, "4.3.0");

        assertThat(readiness.gate().gate()).isEqualTo("prod");
        assertThat(readiness.gate().answer().decision()).isEqualTo(GateDecision.DENY);
        assertThat(readiness.gate().answer().reason()).startsWith("DENY: payment-gateway 4.3.0 to production")
                .contains("PTASK0010001");
        assertThat(readiness.gate().answer().rules()).contains("open-immediate-fixes", "overdue-escalations",
                "recurring-failure-mode");
        assertThat(port(JdbcClient.class).sql("SELECT COUNT(*) FROM gate_evaluations").query(Long.class).single())
                .as("a review records no gate evaluation").isZero();
        assertThat(readiness.known()).isTrue();
        assertThat(readiness.note()).isNull();
        assertThat(readiness.retrospectives().total()).isEqualTo(2);
        assertThat(readiness.retrospectives().latest()).extracting(Readiness.RetrospectiveSeen::name)
                .containsExactly("CHG0030002", "CHG0030001");
    }

    @Test
    void anApplicationNothingIsKnownOfGetsEmptySectionsAndANoteNotAnError() {
        seedPaymentGateway();

        Readiness readiness = report(ReadinessProperties.defaults()).review("first-timer", "1.0.0");

        assertThat(readiness.known()).isFalse();
        assertThat(readiness.note()).startsWith("Nothing is known about first-timer");
        assertThat(readiness.followUps().items()).isEmpty();
        assertThat(readiness.deployments().finished()).isZero();
        assertThat(readiness.deployments().wentWrong()).isEmpty();
        assertThat(readiness.pir().latest()).isNull();
        assertThat(readiness.pir().forVersion()).isNull();
        assertThat(readiness.failureModes()).isEmpty();
        assertThat(readiness.retrospectives().total()).isZero();
        assertThat(readiness.gate().answer().reason()).contains("first-timer is not listed in gates.yaml");
    }

    @Test
    void followUpsStillBeingGatheredAreSaidSoAndTheGateIsPending() {
        seed.retrospective("CHG0030001", APP, daysAgo(1));

        Readiness readiness = report(ReadinessProperties.defaults()).review(APP, "4.3.0");

        assertThat(readiness.followUps().note()).startsWith("Follow-ups are still being gathered")
                .contains("change:CHG0030001");
        assertThat(readiness.followUps().items()).isEmpty();
        assertThat(readiness.gate().answer().decision()).isEqualTo(GateDecision.PENDING);
        assertThat(readiness.known()).isTrue();
    }

    @Test
    void withNoFactsSourceOrNoGatesFileTheReviewStillAnswersAndSaysWhy() {
        seedPaymentGateway();

        Readiness noFacts = report(mappings::gates, () -> null, ReadinessProperties.defaults()).review(APP, null);
        Readiness noPolicy = report(Optional::empty, this::facts, ReadinessProperties.defaults()).review(APP, null);

        assertThat(noFacts.followUps().note()).isEqualTo("Follow-ups could not be read: no facts source.");
        assertThat(noFacts.gate().answer().decision()).isEqualTo(GateDecision.DENY);
        assertThat(noFacts.deployments().finished()).isEqualTo(4);
        assertThat(noPolicy.gate().answer().decision()).isEqualTo(GateDecision.ALLOW);
        assertThat(noPolicy.gate().answer().reason()).startsWith("ALLOW: no gates.yaml");
        assertThat(noPolicy.followUps().open()).isEqualTo(3);
    }
}
