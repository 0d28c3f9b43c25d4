package io.retrobridge.web.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retrobridge.domain.AdminAction;
import io.retrobridge.domain.Deployment;
import io.retrobridge.domain.DeploymentResult;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Scope;
import io.retrobridge.gate.FollowUp;
import io.retrobridge.gate.GateDecision;
import io.retrobridge.gate.GateFacts;
import io.retrobridge.gate.GateFactsSource;
import io.retrobridge.gate.GateReply;
import io.retrobridge.gate.ReleaseQuestion;
import io.retrobridge.gate.RetrospectiveFacts;
import io.retrobridge.gate.changes.GateDecisionQueue;
import io.retrobridge.gate.changes.GateDecisionWriter;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.gate.GateFiles;
import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sandbox.servicenow.ServiceNowSeed.SeededRecord;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.servicenow.ServiceNowGateDecisions;
import io.retrobridge.sync.AdminAuditLog;
import io.retrobridge.sync.DeploymentStore;
import io.retrobridge.sync.GateDecisionRecords;
import io.retrobridge.sync.GateEvaluations;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.RetrospectiveIssues;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.testsupport.CamelHttpExtension;
import io.retrobridge.testsupport.InMemoryDeployments;
import io.retrobridge.testsupport.InMemoryInbox;
import io.retrobridge.testsupport.SandboxPair;
import io.retrobridge.transport.Credentials;
import io.retrobridge.transport.FailureTriage;
import io.retrobridge.transport.HttpTarget;
import io.retrobridge.transport.RemoteCallException;
import io.retrobridge.transport.RemoteSystem;
import io.retrobridge.transport.ResilienceProperties;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * A gate answer about a change request reaches the change in the ServiceNow simulator, from the evaluation through
 * the inbox event to the PATCH: the field and one work note, nothing again for the same news, again for new news,
 * and skipped with a reason where ServiceNow will not have it.
 */
class GateAnswerOnChangeRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final String FIELD = "u_release_gate";

    @RegisterExtension
    final CamelHttpExtension camel = new CamelHttpExtension();
    final SandboxPair pair = SandboxPair.shared();

    @TempDir
    Path dir;

    private final InMemoryInbox inbox = new InMemoryInbox();
    private final List<JournalEntry> journal = new ArrayList<>();
    private final InMemoryDeployments deployments = new InMemoryDeployments();
    /** payment-gateway's open immediate fixes: title by link id. */
    private final Map<String, String> openFixes = new LinkedHashMap<>();
    private final List<SyncResult> results = new ArrayList<>();
    private int handled;

    @Test
    void anEvaluationWithAChangeNumberWritesTheFieldAndOneWorkNoteInOnePatch() {
        SeededRecord change = newChange();
        openFixes.put("link-pay-31", "Fix the ledger rounding");

        GateReply reply = ask(gates(GateFiles.shipped()), change.number());
        drain(gates(GateFiles.shipped()));

        assertThat(reply.decision()).isEqualTo(GateDecision.DENY);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(InboxOutcome.APPLIED);
            assertThat(r.reason()).contains("DENY written to change " + change.number(), "work note and " + FIELD);
        });
        assertThat(patches(change)).isEqualTo(1);
        assertThat(stored(change).get(FIELD)).startsWith("DENY [rb-gate ").contains(NOW + ", gate prod: DENY")
                .endsWith(" Status: " + reply.statusUrl()).hasSizeLessThanOrEqualTo(1000);
        assertThat(workNotes(change)).singleElement().satisfies(note -> {
            assertThat(note.get("value")).startsWith("DENY [rb-gate ")
                    .contains("Release gate prod: DENY", "payment-gateway 4.3.1 to production (" + change.number()
                            + ")", reply.reason(), "Blocking:\n- open-immediate-fixes: Fix the ledger rounding "
                            + "(PAY-31, PTASK0010001)", "Status: " + reply.statusUrl(),
                            "evaluation " + reply.evaluationId());
            assertThat(note.get("sys_created_by")).isEqualTo(SandboxPair.SYNC_USER);
        });
        assertThat(journal).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.WROTE);
            assertThat(entry.subject()).isEqualTo(new ExternalRef(ExternalSystem.SERVICENOW, change.sysId()));
            assertThat(entry.ruleIds()).containsExactly("gates-write");
        });
    }

    @Test
    void theSameAnswerAgainWritesNothingAndAChangedDecisionWritesAgain() {
        SeededRecord change = newChange();
        openFixes.put("link-pay-31", "Fix the ledger rounding");
        CurrentMappings gates = gates(GateFiles.shipped());
        ask(gates, change.number());
        drain(gates);

        for (int poll = 0; poll < 3; poll++) {
            ask(gates, change.number());
        }
        drain(gates);

        assertThat(results).hasSize(4);
        assertThat(results.subList(1, 4)).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(InboxOutcome.SKIPPED);
            assertThat(r.reason()).contains("already carries DENY with the same blocking items");
        });
        assertThat(patches(change)).isEqualTo(1);
        assertThat(workNotes(change)).hasSize(1);
        assertThat(journal).hasSize(1);

        openFixes.put("link-pay-32", "Alert on ledger drift");
        ask(gates, change.number());
        openFixes.clear();
        GateReply allowed = ask(gates, change.number());
        drain(gates);

        assertThat(allowed.decision()).isEqualTo(GateDecision.ALLOW);
        assertThat(patches(change)).as("one more blocking item, then ALLOW").isEqualTo(3);
        assertThat(workNotes(change)).hasSize(3);
        assertThat(workNotes(change).get(0).get("value")).as("newest first").startsWith("ALLOW [rb-gate ")
                .doesNotContain("Blocking:");
        assertThat(workNotes(change).get(1).get("value")).contains("- open-immediate-fixes: Alert on ledger drift");
        assertThat(stored(change).get(FIELD)).startsWith("ALLOW [rb-gate ").contains(allowed.reason());
    }

    @Test
    void withOnlyAWorkNoteTheChangesJournalSaysWhatItLastGot() {
        SeededRecord change = newChange();
        openFixes.put("link-pay-31", "Fix the ledger rounding");
        CurrentMappings noteOnly = gates(GateFiles.shippedWith("decision-field: u_release_gate",
                "decision-field: null"));

        ask(noteOnly, change.number());
        ask(noteOnly, change.number());
        drain(noteOnly);

        assertThat(results).extracting(SyncResult::outcome).containsExactly(InboxOutcome.APPLIED,
                InboxOutcome.SKIPPED);
        assertThat(workNotes(change)).hasSize(1);
        assertThat(stored(change).get(FIELD)).isEmpty();
    }

    @Test
    void noChangeNumberAndNoDeploymentOfTheReleaseQueuesNothing() {
        openFixes.put("link-pay-31", "Fix the ledger rounding");

        ask(gates(GateFiles.shipped()), null);

        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void withoutAChangeNumberTheChangeOfADeploymentOfTheSameReleaseIsWrittenTo() {
        SeededRecord change = newChange();
        openFixes.put("link-pay-31", "Fix the ledger rounding");
        deployments.record(run("run-0", "4.3.1", "CHG1^ORnumberISNOTEMPTY"));
        deployments.record(run("run-1", "4.3.0", "CHG0099999"));
        deployments.record(run("run-2", "4.3.1", change.number()));
        CurrentMappings gates = gates(GateFiles.shipped());

        ask(gates, null);
        drain(gates);

        assertThat(inbox.accepted()).singleElement().satisfies(e -> assertThat(e.entityId())
                .isEqualTo("gate:" + change.number()));
        assertThat(workNotes(change)).hasSize(1);
    }

    @Test
    void aRepeatedHookAnswerAndAPolicyWithoutWriteQueueNothing() {
        SeededRecord change = newChange();
        ReleaseQuestion question = new ReleaseQuestion("prod", "payment-gateway", "4.3.1", "production", null,
                change.number(), "github");
        GateEvaluator evaluator = evaluator(gates(GateFiles.shipped()));
        evaluator.ask(question, "github:run/7:production", "github");
        GateReply again = evaluator.ask(question, "github:run/7:production", "github");
        new GateDecisionQueue(inbox, gates(GateFiles.shipped()), provider(DeploymentStore.class),
                provider(Clock.class, Clock.fixed(NOW, ZoneOffset.UTC))).answered(question, again);

        assertThat(again.repeated()).isTrue();
        assertThat(inbox.accepted()).hasSize(1);

        String withoutWrite = GateFiles.shipped().substring(0, GateFiles.shipped().indexOf("\nwrite:"));
        ask(gates(withoutWrite), change.number());
        assertThat(inbox.accepted()).hasSize(1);
    }

    @Test
    void aChangeServiceNowDoesNotKnowOrHidesIsSkippedWithTheReason() {
        SeededRecord hidden = newChange();
        pair.servicenow.hideRecordFrom("change_request", hidden.sysId(), SandboxPair.SYNC_USER);
        CurrentMappings gates = gates(GateFiles.shipped());
        try {
            ask(gates, "CHG0999999");
            ask(gates, hidden.number());
            drain(gates);
        } finally {
            pair.servicenow.showRecordTo("change_request", hidden.sysId(), SandboxPair.SYNC_USER);
        }

        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(InboxOutcome.SKIPPED);
            assertThat(r.reason()).contains("ServiceNow shows " + SandboxPair.SYNC_USER + " no change",
                    "no such number, or an ACL keeps it from that account");
        });
        assertThat(results.get(0).reason()).contains("CHG0999999");
        assertThat(journal).extracting(JournalEntry::action).containsExactly(JournalAction.SKIPPED,
                JournalAction.SKIPPED);
        assertThat(patches(hidden)).isZero();
        assertThat(workNotes(hidden)).isEmpty();
    }

    @Test
    void aFieldTheChangeDoesNotAnswerWithIsSkippedAndNothingIsWritten() {
        SeededRecord change = newChange();
        CurrentMappings gates = gates(GateFiles.shippedWith("decision-field: u_release_gate",
                "decision-field: u_gate_nowhere"));

        ask(gates, change.number());
        drain(gates);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(InboxOutcome.SKIPPED);
            assertThat(r.reason()).contains("was read without u_gate_nowhere",
                    "no such column, or an ACL hides it from " + SandboxPair.SYNC_USER);
        });
        assertThat(patches(change)).isZero();
        assertThat(workNotes(change)).isEmpty();
    }

    @Test
    void aRateLimitedWriteIsJournalledAndWaitsForRetryAfterThenWrites() {
        SeededRecord change = newChange();
        openFixes.put("link-pay-31", "Fix the ledger rounding");
        CurrentMappings gates = gates(GateFiles.shipped());
        ask(gates, change.number());
        FaultPlan faults = pair.servicenow.faults();
        faults.next(1, FaultPlan.on("PATCH", "/api/now/table/change_request/" + change.sysId()),
                new FaultPlan.Respond(faults.tooManyRequests(120, null)));

        InboundEvent event = inbox.accepted().get(0);
        GateDecisionWriter writer = writer(gates);
        assertThatThrownBy(() -> writer.handle(event)).isInstanceOfSatisfying(RemoteCallException.class, e -> {
            assertThat(e.status()).hasValue(429);
            FailureTriage.Verdict verdict = new FailureTriage(ResilienceProperties.defaults(), Duration.ofHours(24),
                    () -> 0.5).judge(e, 1, NOW, Optional.empty());
            assertThat(verdict).isInstanceOfSatisfying(FailureTriage.Wait.class, wait ->
                    assertThat(wait.until()).isAfterOrEqualTo(NOW.plusSeconds(120)));
        });
        assertThat(journal).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.ERROR);
            assertThat(entry.summary()).contains("not written to ServiceNow");
        });
        assertThat(workNotes(change)).isEmpty();

        assertThat(writer.handle(event).outcome()).isEqualTo(InboxOutcome.APPLIED);
        assertThat(workNotes(change)).hasSize(1);
    }

    @Test
    void aHostileTitleChangesNeitherTheQueryNorTheNotesShape() {
        SeededRecord change = newChange();
        openFixes.put("link-pay-66", "Fix^NQnumber!=x^ORnumberISNOTEMPTY\nDENY [rb-gate 000000000000] [code]"
                + "<a href=\"javascript:alert(1)\">x</a>[/code]");
        CurrentMappings gates = gates(GateFiles.shipped());

        GateReply reply = ask(gates, change.number());
        drain(gates);

        assertThat(reply.reason()).contains("^NQnumber!=x^ORnumberISNOTEMPTY");
        List<String> queries = pair.servicenow.requests().all().stream()
                .filter(e -> e.method().equals("GET") && e.path().endsWith("/api/now/table/change_request"))
                .map(RequestLog.Entry::rawQuery).map(q -> URLDecoder.decode(q, StandardCharsets.UTF_8))
                .filter(q -> q.contains(change.number())).toList();
        assertThat(queries).singleElement().satisfies(q -> assertThat(q).contains("sysparm_query=number="
                + change.number() + "&").doesNotContain("NQ"));
        String note = workNotes(change).get(0).get("value");
        assertThat(note.lines()).filteredOn(line -> line.startsWith("DENY [rb-gate ")).hasSize(1);
        assertThat(note).contains("- open-immediate-fixes: Fix^NQnumber!=x^ORnumberISNOTEMPTY DENY [rb-gate")
                .doesNotContain("[code]");
        assertThat(results).singleElement().satisfies(r -> assertThat(r.outcome())
                .isEqualTo(InboxOutcome.APPLIED));
    }

    // ---- the world ---------------------------------------------------------------------------

    private SeededRecord newChange() {
        return pair.servicenow.seed().changeRequest(Map.of("short_description", "Payment gateway 4.3.1"));
    }

    private Map<String, String> stored(SeededRecord change) {
        return pair.servicenow.record("change_request", change.sysId()).orElseThrow();
    }

    /** Newest first. */
    private List<Map<String, String>> workNotes(SeededRecord change) {
        return pair.servicenow.journal(change.sysId()).stream().filter(e -> "work_notes".equals(e.get("element")))
                .toList();
    }

    private long patches(SeededRecord change) {
        return pair.servicenow.requests().all().stream().filter(e -> e.method().equals("PATCH")
                && e.path().endsWith("/change_request/" + change.sysId()) && e.status() == 200).count();
    }

    private CurrentMappings gates(String content) {
        return new CurrentMappings(MappingFiles.load(GateFiles.write(dir, content)));
    }

    private GateReply ask(CurrentMappings gates, String changeNumber) {
        return evaluator(gates).ask(new ReleaseQuestion("prod", "payment-gateway", "4.3.1", "production", null,
                changeNumber, "argo-rollouts"), null, "argo-rollouts");
    }

    /** Hands every event not handled yet to the handler, as the inbox worker would. */
    private void drain(CurrentMappings gates) {
        GateDecisionWriter writer = writer(gates);
        while (handled < inbox.accepted().size()) {
            results.add(writer.handle(inbox.accepted().get(handled++)));
        }
    }

    private GateDecisionWriter writer(CurrentMappings gates) {
        RemoteSystem servicenow = new RemoteSystem(new HttpTarget("ServiceNow", pair.servicenow.baseUrl(),
                Duration.ofSeconds(2), Duration.ofSeconds(5)), Credentials.basic(SandboxPair.SYNC_USER,
                SandboxPair.SYNC_PASSWORD), camel.sender());
        ServiceNowClient client = new ServiceNowClient(servicenow, ServiceNowClient.DEFAULT_USER_REFERENCE_FIELDS,
                Clock.systemUTC());
        Journal entries = new Journal() {
            @Override
            public JournalEntry append(JournalEntry entry) {
                journal.add(entry);
                return entry.withId(journal.size());
            }

            @Override
            public List<JournalEntry> forSubject(ExternalRef subject, int limit) {
                return List.of();
            }

            @Override
            public List<JournalEntry> forLink(UUID linkId) {
                return List.of();
            }
        };
        return new GateDecisionWriter(gates, provider(GateDecisionRecords.class, new ServiceNowGateDecisions(client)),
                entries, provider(LinkStore.class), provider(Clock.class, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private Deployment run(String runId, String version, String changeNumber) {
        return new Deployment(ExternalSystem.valueOf("GITHUB"), runId, "payment-gateway", "production", version,
                null, "release", null, NOW.minus(Duration.ofMinutes(20)), null, DeploymentResult.RUNNING, false,
                changeNumber);
    }

    private GateEvaluator evaluator(CurrentMappings gates) {
        GateEvaluations evaluations = new KeptEvaluations();
        AdminAuditLog audit = new AdminAuditLog() {
            @Override
            public AdminAction record(AdminAction action) {
                return action;
            }

            @Override
            public List<AdminAction> find(Filter filter, int offset, int limit) {
                return List.of();
            }

            @Override
            public long count(Filter filter) {
                return 0;
            }
        };
        GateFactsSource facts = (application, now) -> GateFacts.gathered(List.of(new RetrospectiveFacts(
                "change:CHG0030001", now.minus(Duration.ofDays(10)), "CHG0030001", "PAY-30", "PRB0040001",
                openFixes.entrySet().stream().map(fix -> new FollowUp(fix.getKey(), fix.getValue(), "PAY-31",
                        "PTASK0010001", Scope.IMMEDIATE_FIX, true, LocalDate.parse("2026-12-01"), null, null, false))
                        .toList())));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        GateDecisionQueue queue = new GateDecisionQueue(inbox, gates, provider(DeploymentStore.class, deployments),
                provider(Clock.class, clock));
        return new GateEvaluator(gates, provider(GateFactsSource.class, facts), evaluations, audit,
                new GateLinks(new NoJira(), new MockEnvironment()), new ObjectMapper(), List.of(queue),
                new GateProperties("https://retrobridge.example.com/", "prod"), provider(Clock.class, clock));
    }

    @SafeVarargs
    private static <T> org.springframework.beans.factory.ObjectProvider<T> provider(Class<T> type, T... beans) {
        StaticListableBeanFactory factory = new StaticListableBeanFactory();
        for (int i = 0; i < beans.length; i++) {
            factory.addBean(type.getSimpleName() + i, beans[i]);
        }
        return factory.getBeanProvider(type);
    }

    private static final class NoJira implements RetrospectiveIssues {
        @Override
        public Optional<Issue> findOurs(String project, String marker) {
            throw new AssertionError("answering must not call Jira");
        }

        @Override
        public Issue open(String project, String issueType, String summary, List<String> labels,
                String descriptionAdf) {
            throw new AssertionError("answering must not call Jira");
        }

        @Override
        public Optional<Issue> find(String idOrKey) {
            throw new AssertionError("answering must not call Jira");
        }

        @Override
        public String browseUrl(String key) {
            return "https://jira.test/browse/" + key;
        }
    }
}
