package io.retrobridge.insight.pir;

import static io.retrobridge.insight.pir.PirStandIns.provide;
import static io.retrobridge.insight.pir.PirStandIns.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.retrobridge.domain.Alert;
import io.retrobridge.domain.AlertTruncation;
import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeState;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.domain.PirSummary.MetricRow;
import io.retrobridge.domain.PirSummary.TimelineEntry;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.domain.Verdict;
import io.retrobridge.insight.pir.PirStandIns.Alerts;
import io.retrobridge.insight.pir.PirStandIns.Changes;
import io.retrobridge.insight.pir.PirStandIns.Entries;
import io.retrobridge.insight.pir.PirStandIns.RecordingWriter;
import io.retrobridge.insight.pir.PirStandIns.ScriptedMetrics;
import io.retrobridge.insight.pir.PirStandIns.Summaries;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.sync.AlertStore;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.MetricQueries;
import io.retrobridge.sync.MetricsUnavailableException;
import io.retrobridge.sync.PirRecords;
import io.retrobridge.sync.RetrospectiveFailureModes;
import io.retrobridge.sync.RetrospectiveStore;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.testsupport.InMemoryDeployments;
import io.retrobridge.testsupport.InMemoryInbox;
import io.retrobridge.testsupport.InMemoryRetrospectives;
import io.retrobridge.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PirCollectorTest {

    private static final Instant DEPLOYED = Instant.parse("2026-11-26T10:42:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T11:45:00Z");
    private static final String CHANGE = "CHG0030001";
    private static final String ERROR_RATE = PirStandIns.mapping().metrics().get(0)
            .queryFor("payments", "production", Duration.ofMinutes(5));
    private static final String LATENCY = PirStandIns.mapping().metrics().get(1)
            .queryFor("payments", "production", Duration.ofMinutes(5));

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryInbox inbox = new InMemoryInbox();
    private final ScriptedMetrics metrics = new ScriptedMetrics();
    private final Alerts alerts = new Alerts();
    private final Changes changes = new Changes();
    private final InMemoryDeployments deployments = new InMemoryDeployments();
    private final InMemoryRetrospectives retrospectives = new InMemoryRetrospectives();
    private final Summaries store = new Summaries();
    private final Entries journal = new Entries();
    private final RecordingWriter serviceNow = new RecordingWriter(ExternalSystem.SERVICENOW);
    private final RecordingWriter jira = new RecordingWriter(ExternalSystem.JIRA);
    private Set<String> namedFailureModes = Set.of();

    private PirCollector collector(PirProperties settings, MetricQueries... monitoring) {
        RetrospectiveFailureModes modes = retrospective -> namedFailureModes;
        return new PirCollector(PirStandIns.mappings(PirStandIns.mapping()), store,
                new PirQueue(inbox, Optional.of(clock)), Optional.of(settings), provide(MetricQueries.class, monitoring),
                provide(AlertStore.class, alerts), provide(ChangeRecordStore.class, changes),
                provide(DeploymentStore.class, deployments), provide(RetrospectiveStore.class, retrospectives),
                provide(RetrospectiveFailureModes.class, modes), provide(PirRecords.class, serviceNow, jira), journal,
                provide(LinkStore.class), Optional.of(clock));
    }

    private PirCollector collector() {
        return collector(PirProperties.defaults(), metrics);
    }

    private static Instant at(int minutesFromDeployment) {
        return DEPLOYED.plus(Duration.ofMinutes(minutesFromDeployment));
    }

    private void aChangeDeployedToProduction() {
        changes.save(new ChangeRecord("a1b2c3d4e5f60718293a4b5c6d7e8f90", CHANGE, "Payment gateway 4.2.0", "normal",
                ChangeState.REVIEW, "3", "2", "Payments", "payment-gateway", null, null, at(-15), at(-1), null, null,
                at(68)));
        deployments.record(new Deployment(ExternalSystem.valueOf("GITHUB"), "run-7", "payment-gateway", "production",
                "4.2.0", null, "release", "https://ci.example.com/runs/7", at(-12), DEPLOYED, DeploymentResult.SUCCESS,
                false, CHANGE));
    }

    private static InboundEvent event(PirRequest request) {
        return InboundEvent.received(PirQueue.SOURCE, PirRequest.KIND, PirQueue.entityOf(request.key()),
                "pir:collect:" + request.key() + ":" + request.attempt(), NOW, request.toJson());
    }

    private static PirRequest queuedFor(String change) {
        return new PirRequest(PirRequest.keyOf(change), change, "payment-gateway", "production", "4.2.0", DEPLOYED,
                "deployment finished", null, 1);
    }

    private PirSummary saved() {
        return store.find("change:" + CHANGE).orElseThrow();
    }

    @Test
    void beforeAndAfterAreTheMeansOfTheFiniteSamplesOnEachSideOfTheDeploymentAcrossSeries() {
        aChangeDeployedToProduction();
        metrics.answers.put(ERROR_RATE, List.of(
                series("a", at(-30), 0.01, at(-10), 0.02, at(0), 0.03, at(10), 0.08, at(20), Double.NaN, at(30), 0.06),
                series("b", at(-20), 0.0, at(15), 0.10)));
        metrics.answers.put(LATENCY, List.of(series("a", at(-5), 0.2, at(-1), 0.2, at(5), 0.21)));

        SyncResult result = collector().handle(event(queuedFor(CHANGE)));

        PirSummary summary = saved();
        MetricRow errors = summary.metrics().get(0);
        assertThat(errors.before()).as("(0.01 + 0.02 + 0.03 + 0.0) / 4").isCloseTo(0.015, within(1e-12));
        assertThat(errors.after()).as("(0.08 + 0.06 + 0.10) / 3, NaN left out").isCloseTo(0.08, within(1e-12));
        assertThat(errors.verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(errors.changePercent().getAsDouble()).isCloseTo(433.333333, within(1e-4));
        assertThat(errors.query()).isEqualTo("sum(rate(http_requests_total{service=\"payments\",env=\"production\","
                + "code=~\"5..\"}[5m])) / sum(rate(http_requests_total{service=\"payments\"}[5m]))");
        assertThat(errors.graph()).startsWith("http://prometheus.test/graph?g0.expr=sum%28rate")
                .endsWith("&g0.end_input=2026-11-26T11:42:00Z&g0.range_input=120m");
        assertThat(errors.problem()).isNull();
        MetricRow latency = summary.metrics().get(1);
        assertThat(latency.before()).isCloseTo(0.2, within(1e-12));
        assertThat(latency.after()).isCloseTo(0.21, within(1e-12));
        assertThat(latency.verdict()).as("5 % worse, within 20 %").isEqualTo(Verdict.OK);
        assertThat(metrics.asked).extracting(ScriptedMetrics.Asked::start).containsOnly(at(-60));
        assertThat(metrics.asked).extracting(ScriptedMetrics.Asked::end).containsOnly(at(60));
        assertThat(metrics.asked).extracting(ScriptedMetrics.Asked::step).containsOnly(Duration.ofMinutes(1));
        assertThat(summary.deployedAt()).isEqualTo(DEPLOYED);
        assertThat(summary.service()).isEqualTo("payments");
        assertThat(summary.complete()).isTrue();
        assertThat(summary.collections()).isEqualTo(1);
        assertThat(summary.collectedAt()).isEqualTo(NOW);
        assertThat(result.outcome()).isEqualTo(InboxOutcome.APPLIED);
        assertThat(result.reason()).startsWith("PIR figures for CHG0030001 collected: error-rate 0.015 -> 0.08 "
                + "degraded; latency-p95 0.2 -> 0.21 ok (collection 1); written to SERVICENOW, JIRA");
        assertThat(journal.entries).extracting(JournalEntry::action)
                .containsExactly(JournalAction.WROTE, JournalAction.WROTE);
        assertThat(journal.entries.get(0).summary()).isEqualTo("PIR figures for CHG0030001 collected: error-rate "
                + "0.015 -> 0.08 degraded; latency-p95 0.2 -> 0.21 ok (written on SERVICENOW as servicenow-note-1)");
        assertThat(serviceNow.writes).singleElement().satisfies(write -> {
            assertThat(write.change().number()).isEqualTo(CHANGE);
            assertThat(write.summary()).isEqualTo(summary);
            assertThat(write.previousNote()).isEmpty();
        });
        assertThat(store.writtenAs(summary.key(), ExternalSystem.JIRA)).contains("jira-note-1");
    }

    @Test
    void theTimelineHoldsRunsAlertsAndChangeMovesInTimeOrderWithTheirLinks() {
        aChangeDeployedToProduction();
        changes.moves.add(new ChangeStateMove(CHANGE, ChangeState.SCHEDULED, ChangeState.IMPLEMENT, at(-17)));
        changes.moves.add(new ChangeStateMove(CHANGE, ChangeState.IMPLEMENT, ChangeState.REVIEW, at(68)));
        deployments.record(new Deployment(ExternalSystem.valueOf("GITHUB"), "run-8", "payment-gateway", "production",
                "4.1.3", null, "release", "https://ci.example.com/runs/8", at(28), at(33), DeploymentResult.SUCCESS,
                true, null));
        alerts.record(new Alert("{}:{alertname=\"PaymentsErrors\"}", "f1e2d3c4b5a69788", "PaymentsErrors", "payments",
                "production", "critical", "5xx above 5 %", at(8), at(23), "http://prometheus.test/graph?g0.expr=errors",
                Map.of(), "GITHUB:run-7"));

        collector().handle(event(queuedFor(CHANGE)));

        List<TimelineEntry> timeline = saved().timeline();
        assertThat(timeline).extracting(TimelineEntry::kind).containsExactly("change-state", "deployment-started",
                "deployment-finished", "alert-fired", "alert-resolved", "deployment-started", "rollback",
                "change-state");
        assertThat(timeline).extracting(TimelineEntry::at).containsExactly(at(-17), at(-12), at(0), at(8), at(23),
                at(28), at(33), at(68));
        assertThat(timeline.get(0).text()).isEqualTo("CHG0030001 moved from Scheduled to Implement");
        assertThat(timeline.get(1).text()).isEqualTo("payment-gateway 4.2.0 to production started (release)");
        assertThat(timeline.get(2).text()).isEqualTo("payment-gateway 4.2.0 to production finished: SUCCESS");
        assertThat(timeline.get(2).link()).isEqualTo("https://ci.example.com/runs/7");
        assertThat(timeline.get(3).text()).isEqualTo("PaymentsErrors fired (critical): 5xx above 5 %");
        assertThat(timeline.get(3).link()).isEqualTo("http://prometheus.test/graph?g0.expr=errors");
        assertThat(timeline.get(4).text()).isEqualTo("PaymentsErrors resolved after 15m");
        assertThat(timeline.get(6).text()).isEqualTo("payment-gateway 4.1.3 to production rolled back: SUCCESS");
        assertThat(timeline.get(6).link()).isEqualTo("https://ci.example.com/runs/8");
        assertThat(saved().telemetry()).satisfies(telemetry -> {
            assertThat(telemetry.deployments()).isEqualTo(2);
            assertThat(telemetry.rollbacks()).isEqualTo(1);
            assertThat(telemetry.failed()).isZero();
            assertThat(telemetry.rollbackFrequency()).isEqualTo(0.5);
            assertThat(telemetry.medianDuration()).as("(12m + 5m) / 2").isEqualTo(Duration.ofSeconds(510));
            assertThat(telemetry.longestDuration()).isEqualTo(Duration.ofMinutes(12));
        });
    }

    @Test
    void theChangesStateMovesAreOnTheTimeline() {
        aChangeDeployedToProduction();
        changes.moves.add(new ChangeStateMove(CHANGE, null, ChangeState.NEW, at(-600)));
        changes.moves.add(new ChangeStateMove(CHANGE, ChangeState.IMPLEMENT, ChangeState.REVIEW, at(68)));

        collector().handle(event(queuedFor(CHANGE)));

        assertThat(saved().timeline()).filteredOn(entry -> entry.kind().equals("change-state"))
                .extracting(TimelineEntry::text)
                .containsExactly("CHG0030001 seen in New", "CHG0030001 moved from Implement to Review");
        assertThat(saved().timeline().get(0).kind()).isEqualTo("change-state");
        assertThat(saved().timeline().get(saved().timeline().size() - 1).kind()).isEqualTo("change-state");
    }

    @Test
    void dataGapsNameUncoveredFailureModesTruncatedAlertsAndMetricsWithoutFigures() {
        aChangeDeployedToProduction();
        retrospectives.open(new RetrospectiveTrigger("change:" + CHANGE, "failed-production-change", "deep-dive",
                List.of(), List.of(), "change closed unsuccessful", "payment-gateway", "production", "4.2.0", CHANGE,
                null, LocalDate.of(2026, 12, 3), NOW, List.of("change:" + CHANGE)), "problem", NOW);
        namedFailureModes = Set.of("error-spike", "config-drift", "outage");
        alerts.recordTruncation(new AlertTruncation("{}:{alertname=\"PaymentsErrors\"}", "payments-pager", "payments",
                at(12), 3));
        alerts.recordTruncation(new AlertTruncation("{}:{}", "payments-pager", "payments", at(-90), 1));
        metrics.answers.put(ERROR_RATE, List.of(series("a", at(-5), 0.01, at(5), 0.01)));

        collector().handle(event(queuedFor(CHANGE)));

        PirSummary summary = saved();
        assertThat(summary.gaps()).extracting(PirSummary.DataGap::kind)
                .containsExactly("uncovered-failure-mode", "truncated-alerts", "metric-unavailable");
        assertThat(summary.gaps().get(0).text()).isEqualTo("failure mode config-drift, named in retrospective "
                + "change:CHG0030001, is watched by no PIR metric or alert rule");
        assertThat(summary.gaps().get(1).text()).isEqualTo("Alertmanager left 3 alert(s) of group "
                + "{}:{alertname=\"PaymentsErrors\"} out at 2026-11-26T10:54:00Z (receiver payments-pager): the alerts "
                + "shown may be incomplete");
        assertThat(summary.gaps().get(2).text()).isEqualTo("p95 latency (latency-p95) has no figure: no samples "
                + "before or after the deployment");
        assertThat(summary.metrics().get(1).verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(summary.complete()).as("the monitoring answered; it had no samples").isTrue();
    }

    @Test
    void monitoringThatMayAnswerLaterLeavesTheSummaryIncompleteWrittenAndQueuedAgain() {
        aChangeDeployedToProduction();
        String down = "Prometheus at http://prometheus.test:9090 did not answer within 10s; check that it runs";
        metrics.failures.put(ERROR_RATE, new MetricsUnavailableException(down, true));

        SyncResult result = collector().handle(event(queuedFor(CHANGE)));

        PirSummary summary = saved();
        assertThat(summary.complete()).isFalse();
        assertThat(summary.incomplete()).isEqualTo(down + "; asked again after 2026-11-26T12:00:00Z");
        assertThat(summary.metrics()).extracting(MetricRow::verdict).containsOnly(Verdict.NO_DATA);
        assertThat(summary.metrics()).extracting(MetricRow::problem).containsOnly(down);
        assertThat(metrics.asked).as("a down system is asked once, not once per metric").hasSize(1);
        assertThat(result.outcome()).isEqualTo(InboxOutcome.APPLIED);
        assertThat(result.reason()).contains("incomplete: " + down);
        assertThat(serviceNow.writes).as("written all the same, marked incomplete").hasSize(1);
        assertThat(inbox.all()).singleElement().satisfies(held -> {
            assertThat(held.notBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
            assertThat(held.event().entityId()).isEqualTo("pir:change:CHG0030001");
            PirRequest again = PirRequest.fromJson(held.event().payload());
            assertThat(again.attempt()).isEqualTo(2);
            assertThat(again.firstAttempt()).isEqualTo(NOW);
        });
    }

    @Test
    void aQueryTheMonitoringRefusesIsNotAskedAgainAndTheOtherMetricsAreStillAsked() {
        aChangeDeployedToProduction();
        String refused = "Prometheus refused the query of error-rate (HTTP 400): parse error at char 12";
        metrics.failures.put(ERROR_RATE, new MetricsUnavailableException(refused, false));
        metrics.answers.put(LATENCY, List.of(series("a", at(-5), 0.2, at(5), 0.3)));

        collector().handle(event(queuedFor(CHANGE)));

        PirSummary summary = saved();
        assertThat(summary.incomplete()).isEqualTo(refused);
        assertThat(summary.metrics().get(0).problem()).isEqualTo(refused);
        assertThat(summary.metrics().get(1).verdict()).isEqualTo(Verdict.DEGRADED);
        assertThat(inbox.all()).isEmpty();
    }

    @Test
    void aCollectionStillFailingAfterTheLimitGivesUpAndStaysIncomplete() {
        aChangeDeployedToProduction();
        String down = "Prometheus at http://prometheus.test:9090 answered 503 Service Unavailable";
        metrics.failures.put(ERROR_RATE, new MetricsUnavailableException(down, true));
        Instant first = NOW.minus(Duration.ofHours(23)).minus(Duration.ofMinutes(50));
        PirRequest retry = new PirRequest("change:" + CHANGE, CHANGE, "payment-gateway", "production", "4.2.0",
                DEPLOYED, "deployment finished", first, 96);

        SyncResult result = collector().handle(event(retry));

        assertThat(saved().incomplete()).isEqualTo(down + "; gave up after 24h of asking again (first attempt at "
                + first + ")");
        assertThat(inbox.all()).isEmpty();
        assertThat(result.outcome()).isEqualTo(InboxOutcome.APPLIED);
    }

    @Test
    void withoutAnyMonitoringTheSummaryIsStoredIncompleteAndNotRetried() {
        aChangeDeployedToProduction();

        collector(PirProperties.defaults()).handle(event(queuedFor(CHANGE)));

        PirSummary summary = saved();
        assertThat(summary.incomplete()).isEqualTo(MetricCollection.NO_MONITORING);
        assertThat(summary.metrics()).extracting(MetricRow::problem).containsOnly(MetricCollection.NO_MONITORING);
        assertThat(summary.metrics()).extracting(MetricRow::graph).containsOnlyNulls();
        assertThat(inbox.all()).isEmpty();
        assertThat(serviceNow.writes).hasSize(1);
    }

    @Test
    void collectingAgainCountsTheCollectionAndUpdatesTheNotesWrittenBefore() {
        aChangeDeployedToProduction();
        metrics.answers.put(ERROR_RATE, List.of(series("a", at(-5), 0.01, at(5), 0.01)));
        collector().handle(event(queuedFor(CHANGE)));
        clock.advance(Duration.ofMinutes(30));

        collector().handle(event(queuedFor(CHANGE)));

        assertThat(saved().collections()).isEqualTo(2);
        assertThat(saved().collectedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(serviceNow.writes).extracting(RecordingWriter.Write::previousNote)
                .containsExactly(Optional.empty(), Optional.of("servicenow-note-1"));
        assertThat(jira.writes).extracting(RecordingWriter.Write::previousNote)
                .containsExactly(Optional.empty(), Optional.of("jira-note-1"));
        assertThat(journal.entries.get(3).summary()).endsWith("(updated in place on JIRA as jira-note-1)");
    }

    @Test
    void aReleaseWithoutChangeIsStoredAndWrittenNowhere() {
        deployments.record(new Deployment(ExternalSystem.valueOf("GITHUB"), "run-9", "payment-gateway", "production",
                "4.2.1", null, "release", null, at(-3), DEPLOYED, DeploymentResult.SUCCESS, false, null));
        metrics.answers.put(ERROR_RATE, List.of(series("a", at(-5), 0.01, at(5), 0.02)));
        PirRequest request = new PirRequest("payment-gateway@production@4.2.1", null, "payment-gateway", "production",
                "4.2.1", DEPLOYED, "deployment finished", null, 1);

        SyncResult result = collector().handle(event(request));

        PirSummary summary = store.find("payment-gateway@production@4.2.1").orElseThrow();
        assertThat(summary.changeNumber()).isNull();
        assertThat(summary.version()).isEqualTo("4.2.1");
        assertThat(summary.metrics().get(0).after()).isCloseTo(0.02, within(1e-12));
        assertThat(serviceNow.writes).isEmpty();
        assertThat(journal.entries).isEmpty();
        assertThat(result.reason()).endsWith("no change record to write to");
    }

    @Test
    void aFailedWriteIsJournalledAndLeftToTheInboxWorkerWithTheSummaryKept() {
        aChangeDeployedToProduction();
        serviceNow.failure = new IllegalStateException("ServiceNow answered 503");

        assertThatThrownBy(() -> collector().handle(event(queuedFor(CHANGE))))
                .hasMessage("ServiceNow answered 503");

        assertThat(store.find("change:" + CHANGE)).isPresent();
        assertThat(journal.entries).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.ERROR);
            assertThat(entry.summary()).isEqualTo("PIR figures for CHG0030001 not written to SERVICENOW: ServiceNow "
                    + "answered 503");
        });
    }

    @Test
    void nothingIsCollectedWithoutPirMetricsYaml() {
        aChangeDeployedToProduction();
        PirCollector withoutFile = new PirCollector(PirStandIns.mappings(null), store,
                new PirQueue(inbox, Optional.of(clock)), Optional.empty(), provide(MetricQueries.class, metrics),
                provide(AlertStore.class), provide(ChangeRecordStore.class, changes),
                provide(DeploymentStore.class, deployments), provide(RetrospectiveStore.class),
                provide(RetrospectiveFailureModes.class), provide(PirRecords.class, serviceNow), journal,
                provide(LinkStore.class), Optional.of(clock));

        SyncResult result = withoutFile.handle(event(queuedFor(CHANGE)));

        assertThat(result.outcome()).isEqualTo(InboxOutcome.SKIPPED);
        assertThat(result.reason()).isEqualTo("no PIR figures for change:CHG0030001: there is no "
                + PirMetricsMapping.FILE_NAME);
        assertThat(store.saved).isEmpty();
        assertThat(metrics.asked).isEmpty();
    }
}
