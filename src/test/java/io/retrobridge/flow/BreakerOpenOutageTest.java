package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.flow.inbox.InboxProperties;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.flow.inbox.SyncMetrics;
import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sandbox.SandboxResponse;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.Journal;
import io.retrobridge.testsupport.Bursts;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.SandboxPair;
import io.retrobridge.transport.ResilienceProperties;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * ServiceNow down (503 to every call of the connector) long enough for its circuit breaker to open, while action
 * items are edited in Jira. The edits wait in the inbox instead of being parked, and once ServiceNow is back each
 * arrives exactly once without anyone replaying anything. Its own simulators and a breaker that opens after three
 * failed calls (fewer than a call's retries) and waits a second, so the outage and the recovery take seconds. Run
 * once by the application's worker (one item at a time) and once by a worker syncing four items at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
class BreakerOpenOutageTest {

    private static final int ITEMS = 4;
    /** What the inbox-worker timer does, faster: one drain round per tick. */
    private static final Duration TICK = Duration.ofMillis(150);

    private static final FaultPlan.Fault UNAVAILABLE = new FaultPlan.Respond(SandboxResponse.json(503,
            Map.of("error", Map.of("message", "Service Unavailable", "detail", "The instance is down for maintenance"))));

    static final SandboxPair systems = new SandboxPair();

    @DynamicPropertySource
    static void systems(DynamicPropertyRegistry registry) {
        systems.register(registry);
        String breaker = "retrobridge.resilience.servicenow.breaker-";
        registry.add(breaker + "window", () -> "3");
        registry.add(breaker + "minimum-calls", () -> "3");
        registry.add(breaker + "failure-rate", () -> "50");
        registry.add(breaker + "wait-seconds", () -> "1");
    }

    @AfterAll
    static void stopSystems() {
        systems.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    InboxWorker worker;

    @Autowired
    EventInbox inbox;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    Journal journal;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void connectorListening() {
        // Only the items this test creates are synced, by their webhooks; the seeded records are left alone.
        systems.subscribeOnce(URI.create("http://127.0.0.1:" + port), () -> { });
    }

    @Autowired
    List<EventHandler> handlers;

    @Autowired
    ResilienceProperties resilience;

    @Autowired
    SyncMetrics metrics;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void editsMadeWhileServiceNowsBreakerIsOpenWaitAndArriveOnceWhenItIsBack() {
        outage("breaker-open-outage", "Fail over the payment gateway in region", worker::drain);
    }

    @Test
    void withSeveralItemsSyncedAtOnceTheEditsWaitAndArriveOnceToo() {
        InboxWorker concurrent = new InboxWorker(inbox, handlers, deadLetters, journal, resilience, metrics,
                transactions, Optional.empty(), InboxProperties.of(4, Duration.ofMinutes(5)));
        try {
            outage("breaker-open-outage-4-workers", "Replicate the card vault to site", concurrent::drain);
        } finally {
            concurrent.stop();
        }
    }

    /** Items created and mirrored, then edited in Jira while ServiceNow answers 503, then ServiceNow back. */
    private void outage(String fault, String title, IntSupplier drain) {
        List<String> keys = new ArrayList<>();
        List<String> sysIds = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            String created = title + " " + i;
            keys.add(systems.createJiraItem(created));
            tickUntil(drain, () -> systems.tasksTitled(created) == 1, Duration.ofSeconds(10), "item " + i + " mirrored");
            sysIds.add(systems.taskTitled(created).get("sys_id"));
        }
        tickUntil(drain, () -> inbox.pendingCount() == 0, Duration.ofSeconds(10), "the echoes of the creates handled");
        long parkedBefore = deadLetters.count();
        double deferredBefore = deferredCount();

        Bursts outage = Bursts.of(Integer.MAX_VALUE - 1, Integer.MAX_VALUE,
                Bursts.sentAs(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD));
        systems.servicenow.faults().next(Integer.MAX_VALUE, outage, UNAVAILABLE);
        for (int i = 1; i <= ITEMS; i++) {
            systems.editJira(keys.get(i - 1), "{\"summary\":" + SandboxPair.quote(edited(title, i)) + "}");
        }
        systems.awaitWebhooks();
        // Long enough for the breaker to open, let trial calls through after its wait, and open again.
        long outageEnds = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
        int ticksDuringOutage = 0;
        while (System.nanoTime() < outageEnds) {
            drain.getAsInt();
            ticksDuringOutage++;
            sleep(TICK);
        }

        assertThat(deadLetters.count() - parkedBefore).as("events parked during the outage").isZero();
        assertThat(inbox.pendingCount()).as("edits waiting in the inbox").isEqualTo(ITEMS);
        assertThat(deferredCount() - deferredBefore).as("refusals by the open breaker, counted apart from parked")
                .isGreaterThanOrEqualTo(2.0 * ITEMS);
        for (int i = 1; i <= ITEMS; i++) {
            assertThat(systems.task(sysIds.get(i - 1)).get("short_description")).isNotEqualTo(edited(title, i));
            String issueId = systems.jiraIssue(keys.get(i - 1)).get("id").asText();
            long noted = journal.forSubject(new ExternalRef(ExternalSystem.JIRA, issueId), 100).stream()
                    .filter(e -> e.action() == JournalAction.ERROR && e.summary().contains("circuit breaker open"))
                    .count();
            assertThat(noted).as("journal notes that edit %d waits, once over %d drain ticks", i, ticksDuringOutage)
                    .isEqualTo(1);
        }
        long refusedAnswers = outage.hits();

        systems.servicenow.faults().clear();
        long writesBefore = systems.servicenowWrites();
        int logged = systems.servicenow.requests().all().size();
        tickUntil(drain, () -> inbox.pendingCount() == 0, Duration.ofSeconds(15), "the waiting edits applied");

        List<RequestLog.Entry> patches = systems.servicenow.requests().all().stream().skip(logged)
                .filter(e -> "PATCH".equals(e.method()) && e.status() / 100 == 2).toList();
        long duplicates = Math.max(0, systems.servicenowWrites() - writesBefore - ITEMS);
        long lost = 0;
        for (int i = 1; i <= ITEMS; i++) {
            String sysId = sysIds.get(i - 1);
            long writesOfItem = patches.stream().filter(e -> e.path().endsWith(sysId)).count();
            duplicates += Math.max(0, writesOfItem - 1) + Math.max(0, systems.tasksTitled(edited(title, i)) - 1);
            lost += edited(title, i).equals(systems.task(sysId).get("short_description")) ? 0 : 1;
        }
        long parked = deadLetters.count() - parkedBefore;
        FaultReport.line(fault, refusedAnswers, ITEMS - lost, parked, duplicates, lost);
        assertThat(refusedAnswers).as("503 answers before the breaker opened and on its trial calls").isPositive();
        assertThat(parked).as("dead letters").isZero();
        assertThat(systems.servicenowWrites() - writesBefore).as("ServiceNow writes after the recovery").isEqualTo(ITEMS);
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(lost).as("lost").isZero();
    }

    private static String edited(String title, int i) {
        return title + " " + i + " within 5 minutes";
    }

    private double deferredCount() {
        return meters.find("retrobridge.events.deferred").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Drains once per tick, as the inbox-worker timer does, until {@code done} or the time is up. */
    private void tickUntil(IntSupplier drain, BooleanSupplier done, Duration limit, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            systems.awaitWebhooks();
            drain.getAsInt();
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done after " + limit.toSeconds() + " s: " + what + "; "
                        + inbox.pendingCount() + " event(s) waiting, " + deadLetters.count() + " dead letter(s)");
            }
            sleep(TICK);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
