package io.retrobridge.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.escalation.scan.EscalationReplay;
import io.retrobridge.flow.comments.CommentSync;
import io.retrobridge.flow.inbox.InboxProperties;
import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.flow.inbox.SyncMetrics;
import io.retrobridge.flow.items.ActionItemHandler;
import io.retrobridge.flow.items.ActionItemSync;
import io.retrobridge.flow.items.SyncPlanner;
import io.retrobridge.flow.items.UnreadableRecords;
import io.retrobridge.flow.writes.CreateSettleTimes;
import io.retrobridge.sandbox.FaultPlan;
import io.retrobridge.sandbox.RequestLog;
import io.retrobridge.sandbox.SandboxRequest;
import io.retrobridge.store.JdbcEventInbox;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.testsupport.Bursts;
import io.retrobridge.testsupport.FaultReport;
import io.retrobridge.testsupport.MutableClock;
import io.retrobridge.testsupport.SandboxPair;
import io.retrobridge.transport.ResilienceProperties;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The inbox under pressure, through the simulators: a rate limit that asks for ten minutes, a record that never
 * goes through among fifty that do, a worker that stalls past its claim's lease, and a database that fails for a
 * moment. Time is a hand-moved clock shared by the worker and its inbox, so "ten minutes later" takes no time.
 */
class InboxTrustFaultsTest extends LiveSyncSupport {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Autowired
    List<EventHandler> handlers;

    @Autowired
    CommentSync comments;

    @Autowired
    ResilienceProperties resilience;

    @Autowired
    SyncMetrics metrics;

    @Autowired
    EscalationReplay escalationReplay;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    SyncPlanner planner;

    @Autowired
    UnreadableRecords unreadable;

    @Autowired
    io.retrobridge.sync.WriteIntents intents;

    @Autowired
    CreateSettleTimes settleTimes;

    @Autowired
    io.retrobridge.sync.DeletedRecords deletedRecords;

    @Autowired
    List<SideGateway> sides;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<InboxWorker> started = new ArrayList<>();
    private EventInbox timedInbox;

    @BeforeEach
    void inboxOnTheTestClock() {
        DefaultListableBeanFactory clocks = new DefaultListableBeanFactory();
        clocks.registerSingleton("clock", clock);
        timedInbox = new JdbcEventInbox(jdbc, transactions, clocks.getBeanProvider(Clock.class));
    }

    @AfterEach
    void nothingLeftWaiting() {
        systems.jira.faults().clear();
        systems.servicenow.faults().clear();
        // What a test left waiting would hold up the next class's settle(): let its time come and work it off.
        clock.advance(Duration.ofDays(2));
        InboxWorker sweeper = worker(timedInbox, InboxProperties.of(1, LEASE));
        for (int round = 0; round < 20 && inbox.pendingCount() > 0; round++) {
            sweeper.drain();
            systems.awaitWebhooks();
        }
        started.forEach(InboxWorker::stop);
    }

    // ---- Retry-After: 600 --------------------------------------------------------------------------------

    @Test
    void aLongRetryAfterDefersTheLimitedItemsWhileTheOtherSystemsItemsFlowAndAllLandWhenTheTimeComes() {
        long start = lastArrival();
        int items = 3;
        List<FaultSuiteSupport.Item> fromJira = new ArrayList<>();
        List<FaultSuiteSupport.Item> fromServiceNow = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            fromJira.add(linkedItem("Rotate the HSM keys in zone " + i));
            fromServiceNow.add(linkedItem("Rebuild the search cluster node " + i));
        }
        InboxWorker worker = worker(timedInbox, InboxProperties.of(1, LEASE));
        long parkedBefore = deadLetters.count();
        // A ServiceNow rate-limit rule on the Table API's write resources, for the next ten minutes.
        Instant limitEnds = clock.instant().plusSeconds(600);
        AtomicInteger limited = new AtomicInteger();
        Predicate<SandboxRequest> connectorWrites = connector(SandboxPair.SYNC_USER, SandboxPair.SYNC_PASSWORD)
                .and(r -> !"GET".equals(r.method()) && r.path().startsWith("/api/now/table/"));
        systems.servicenow.faults().next(Integer.MAX_VALUE, r -> connectorWrites.test(r)
                        && clock.instant().isBefore(limitEnds) && limited.incrementAndGet() > 0,
                new FaultPlan.Respond(systems.servicenow.faults().tooManyRequests(600, null)));

        // Jira's edits come first in the inbox: waiting ones must not hold up the others behind them.
        for (int i = 0; i < items; i++) {
            systems.editJira(fromJira.get(i).key(), "{\"summary\":" + SandboxPair.quote(edited(fromJira.get(i))) + "}");
        }
        for (int i = 0; i < items; i++) {
            systems.patchTask(fromServiceNow.get(i).sysId(),
                    "{\"short_description\":" + SandboxPair.quote(edited(fromServiceNow.get(i))) + "}");
        }
        systems.awaitWebhooks();
        long jiraWritesBefore = systems.jiraWrites();

        worker.drain();

        assertThat(deadLetters.count() - parkedBefore).as("nothing parked for a rate limit").isZero();
        assertThat(systems.jiraWrites() - jiraWritesBefore).as("Jira writes in the same round").isGreaterThanOrEqualTo(items);
        for (FaultSuiteSupport.Item item : fromServiceNow) {
            assertThat(systems.jiraIssue(item.key()).at("/fields/summary").asText()).isEqualTo(edited(item));
        }
        for (FaultSuiteSupport.Item item : fromJira) {
            assertThat(systems.task(item.sysId()).get("short_description")).isNotEqualTo(edited(item));
        }
        assertThat(waiting()).as("the limited edits wait in the inbox").isEqualTo(items);
        int refusedAfterFirstRound = limited.get();

        clock.advance(Duration.ofSeconds(300));
        worker.drain();
        assertThat(limited.get()).as("not asked again before Retry-After").isEqualTo(refusedAfterFirstRound);
        assertThat(waiting()).isEqualTo(items);

        clock.advance(Duration.ofSeconds(301));
        long patchesBefore = systems.servicenow.requests().all().size();
        drainUntilSettled(worker);

        List<RequestLog.Entry> patches = systems.servicenow.requests().all().stream().skip(patchesBefore)
                .filter(e -> "PATCH".equals(e.method()) && e.status() / 100 == 2).toList();
        long duplicates = 0;
        long lost = 0;
        for (FaultSuiteSupport.Item item : fromJira) {
            duplicates += Math.max(0, patches.stream().filter(e -> e.path().endsWith(item.sysId())).count() - 1);
            lost += edited(item).equals(systems.task(item.sysId()).get("short_description")) ? 0 : 1;
        }
        for (FaultSuiteSupport.Item item : fromServiceNow) {
            lost += edited(item).equals(systems.jiraIssue(item.key()).at("/fields/summary").asText()) ? 0 : 1;
        }
        long parked = deadLetters.count() - parkedBefore;
        long cancelled = cancelledSince(start);
        FaultReport.line("retry-after-600", limited.get(), 2L * items - lost, parked, duplicates, lost, cancelled);
        assertThat(cancelled).as("cancelled wrongly").isZero();
        assertThat(limited.get()).as("429 answers").isPositive();
        assertThat(parked).as("dead letters").isZero();
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(lost).as("lost").isZero();
    }

    // ---- a poison record among 50 healthy ones -------------------------------------------------------------

    @Test
    void aRecordThatIsAlwaysRefusedWaitsUpToTheBoundThenIsParkedWithItsReasonWhileFiftyOthersSync() {
        long start = lastArrival();
        FaultSuiteSupport.Item poison = linkedItem("Migrate the settlement batch to the new scheduler");
        InboxWorker worker = worker(timedInbox, new InboxProperties(1, LEASE, null, Duration.ofHours(1)));
        long parkedBefore = deadLetters.count();
        // Jira's per-issue write limit on one hot issue that some automation keeps writing: every write is refused.
        AtomicInteger refused = new AtomicInteger();
        Predicate<SandboxRequest> writesToPoison = connector(SandboxPair.SYNC_EMAIL, SandboxPair.SYNC_TOKEN)
                .and(r -> !"GET".equals(r.method()) && (r.path().contains("/issue/" + poison.key())
                        || r.path().contains("/issue/" + poison.issueId())));
        systems.jira.faults().next(Integer.MAX_VALUE, r -> writesToPoison.test(r) && refused.incrementAndGet() > 0,
                new FaultPlan.Respond(systems.jira.faults().tooManyRequests(600, "jira-per-issue-on-write")));

        systems.patchTask(poison.sysId(), "{\"short_description\":" + SandboxPair.quote(poison.title() + " by Friday") + "}");
        systems.awaitWebhooks();
        List<String> healthy = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String title = "Add a runbook link to alert " + i;
            systems.createJiraItem(title);
            healthy.add(title);
        }
        systems.awaitWebhooks();

        worker.drain();
        systems.awaitWebhooks();

        assertThat(healthy).as("the fifty behind the refused one synced in the same round")
                .allSatisfy(title -> assertThat(systems.tasksTitled(title)).isEqualTo(1));
        assertThat(deadLetters.count() - parkedBefore).as("a rate limit does not park at once").isZero();

        int rounds = 0;
        while (deadLetters.count() == parkedBefore && rounds++ < 20) {
            clock.advance(Duration.ofSeconds(601));
            worker.drain();
            systems.awaitWebhooks();
        }
        drainUntilSettled(worker);

        List<DeadLetter> parked = deadLetters.list(0, (int) (deadLetters.count() - parkedBefore));
        assertThat(parked).singleElement().satisfies(letter -> {
            assertThat(letter.event().entityId()).isEqualTo(poison.sysId());
            assertThat(letter.errorKind()).isEqualTo("deferred_too_long");
            assertThat(letter.error()).contains("max-deferral").contains("429").contains("retry after 600 s");
        });
        assertThat(refused.get()).as("asked once per Retry-After, not hammered").isBetween(5, 7);
        long duplicates = healthy.stream().mapToLong(title -> Math.max(0, systems.jiraIssuesTitled(title) - 1)
                + Math.max(0, systems.tasksTitled(title) - 1)).sum();
        long lost = healthy.stream().mapToLong(title -> (systems.jiraIssuesTitled(title) == 0 ? 1 : 0)
                + (systems.tasksTitled(title) == 0 ? 1 : 0)).sum();
        long cancelled = cancelledSince(start);
        FaultReport.line("poison-record-among-50-healthy", refused.get(), healthy.size(), parked.size(), duplicates, lost,
                cancelled);
        assertThat(cancelled).as("cancelled wrongly").isZero();
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(lost).as("lost").isZero();
    }

    // ---- a claim that outlives its lease --------------------------------------------------------------------

    @Test
    void aWorkerThatStallsPastItsLeaseBeforeItsWriteNeitherWritesNorCompletesAndTheItemIsWrittenOnce() throws Exception {
        FaultSuiteSupport.Item item = linkedItem("Shorten the payment retry window");
        StallingInbox stalling = new StallingInbox(timedInbox, "renew");
        InboxWorker first = worker(stalling.inbox(), InboxProperties.of(1, LEASE));
        InboxWorker second = worker(timedInbox, InboxProperties.of(1, LEASE));
        long arrival = lastArrival();
        systems.editJira(item.key(), "{\"summary\":" + SandboxPair.quote(edited(item)) + "}");
        systems.awaitWebhooks();
        long writesBefore = systems.servicenowWrites();
        long parkedBefore = deadLetters.count();

        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // The first worker reads both records and stops right before its write (a long GC pause, say).
            Future<Integer> firstRound = thread.submit(() -> first.drain(1));
            assertThat(stalling.stalled.await(20, TimeUnit.SECONDS)).as("first worker reached its write").isTrue();
            clock.advance(LEASE.plusMinutes(1));

            int secondFinished = second.drain(1);

            assertThat(secondFinished).as("the second worker took the event over and finished it").isEqualTo(1);
            assertThat(systems.servicenowWrites() - writesBefore).isEqualTo(1);
            stalling.resume.countDown();
            assertThat(firstRound.get(20, TimeUnit.SECONDS)).as("the first worker finished nothing").isZero();
        } finally {
            stalling.resume.countDown();
            thread.shutdownNow();
        }
        drainUntilSettled(second);

        long writes = systems.servicenowWrites() - writesBefore;
        long lost = edited(item).equals(systems.task(item.sysId()).get("short_description")) ? 0 : 1;
        long parked = deadLetters.count() - parkedBefore;
        long cancelled = cancelledSince(arrival);
        FaultReport.line("claim-outlives-lease", 1, 1 - lost, parked, Math.max(0, writes - 1), lost, cancelled);
        assertThat(cancelled).as("cancelled wrongly").isZero();
        assertThat(writes).as("one write only").isEqualTo(1);
        assertThat(parked).isZero();
        assertThat(lost).isZero();
        assertThat(outcomesOf(item.issueId(), arrival)).as("one outcome, recorded by the second worker").containsExactly("APPLIED");
    }

    @Test
    void aWorkerThatStallsPastItsLeaseAfterItsWriteCannotRecordTheOutcome() throws Exception {
        FaultSuiteSupport.Item item = linkedItem("Page the on-call DBA on replication lag");
        StallingInbox stalling = new StallingInbox(timedInbox, "complete");
        InboxWorker first = worker(stalling.inbox(), InboxProperties.of(1, LEASE));
        InboxWorker second = worker(timedInbox, InboxProperties.of(1, LEASE));
        long arrival = lastArrival();
        systems.editJira(item.key(), "{\"summary\":" + SandboxPair.quote(edited(item)) + "}");
        systems.awaitWebhooks();
        long writesBefore = systems.servicenowWrites();

        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> firstRound = thread.submit(() -> first.drain(1));
            assertThat(stalling.stalled.await(20, TimeUnit.SECONDS)).isTrue();
            clock.advance(LEASE.plusMinutes(1));

            // The stalled worker still holds its event's open transaction (link and journal rows locked), so the
            // second may have to wait for it: it takes the event over, and either finishes or hands it back to wait.
            second.drain(1);
            stalling.resume.countDown();

            assertThat(firstRound.get(20, TimeUnit.SECONDS)).as("the first worker's outcome was refused").isZero();
        } finally {
            stalling.resume.countDown();
            thread.shutdownNow();
        }
        // The refused outcome rolled back the first worker's records; the second reads both records, finds the write
        // done and has nothing left to write.
        clock.advance(Duration.ofMinutes(1));
        drainUntilSettled(second);
        assertThat(systems.servicenowWrites() - writesBefore).as("one write only").isEqualTo(1);
        assertThat(outcomesOf(item.issueId(), arrival)).as("one outcome, recorded by the second worker")
                .containsExactly("SKIPPED");
    }

    @Test
    void aSyncLongerThanTheClaimTimeoutKeepsItsClaimByRenewingIt() throws Exception {
        FaultSuiteSupport.Item item = linkedItem("Archive the old audit partitions");
        // Real time here: a 3 s lease renewed every 500 ms, and a ServiceNow that takes two seconds per answer, so
        // the write and the reads after it (comments) take longer than the lease without any claim check between.
        InboxProperties shortLease = new InboxProperties(1, Duration.ofSeconds(3), Duration.ofMillis(500),
                Duration.ofHours(24));
        InboxWorker slow = new InboxWorker(inbox, handlers, deadLetters, journal, resilience, metrics,
                transactions, Optional.empty(), shortLease);
        started.add(slow);
        long arrival = lastArrival();
        systems.editJira(item.key(), "{\"summary\":" + SandboxPair.quote(edited(item)) + "}");
        systems.awaitWebhooks();
        long writesBefore = systems.servicenowWrites();
        systems.servicenow.faults().latency(Duration.ofSeconds(2));

        int callsBefore = systems.servicenow.requests().all().size();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> longSync = thread.submit(() -> slow.drain(1));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                            "SELECT COUNT(*) FROM inbound_events WHERE status = 'CLAIMED' AND entity_id = :id")
                    .param("id", item.issueId()).query(Long.class).single() == 1);
            int released = 0;
            while (!longSync.isDone()) {
                // What every other worker's drain does first: release the claims that look abandoned.
                released += inbox.releaseClaimsBefore(Instant.now().minus(shortLease.claimTimeout()));
                Thread.sleep(100);
            }
            assertThat(released).as("claims released as abandoned").isZero();
            assertThat(longSync.get()).as("the long sync finished its event").isEqualTo(1);
            assertThat(systems.servicenow.requests().all().size() - callsBefore)
                    .as("ServiceNow calls of two seconds each: the sync outlasted the 3 s claim timeout")
                    .isGreaterThanOrEqualTo(3);
        } finally {
            systems.servicenow.faults().latency(Duration.ZERO);
            thread.shutdownNow();
        }
        Long claims = jdbc.sql("SELECT MAX(claim_token) FROM inbound_events WHERE source_system = 'JIRA'"
                        + " AND entity_id = :id AND arrival_seq > :arrival")
                .param("id", item.issueId()).param("arrival", arrival).query(Long.class).single();
        assertThat(claims).as("claimed once, never taken over").isEqualTo(1);
        assertThat(systems.servicenowWrites() - writesBefore).as("one write").isEqualTo(1);
        assertThat(systems.task(item.sysId()).get("short_description")).isEqualTo(edited(item));
    }

    // ---- database blips -------------------------------------------------------------------------------------

    @Test
    void transientDatabaseErrorsOnTheInboxAndTheLinkStoreAreRetriedNotParked() {
        long start = lastArrival();
        int items = 3;
        List<FaultSuiteSupport.Item> edited = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            edited.add(linkedItem("Expire stale API tokens in region " + i));
        }
        Blips blips = new Blips();
        EventInbox blippingInbox = blips.wrap(EventInbox.class, timedInbox, Map.of(
                "claimNext", () -> new CannotGetJdbcConnectionException("Connection is not available, request timed out"),
                "renew", () -> new TransientDataAccessResourceException("Connection reset by peer"),
                "complete", () -> new QueryTimeoutException("canceling statement due to statement timeout")));
        LinkStore blippingLinks = blips.wrap(LinkStore.class, links, Map.of(
                "update", () -> new CannotAcquireLockException("Timeout trying to lock table LINKS")));
        ActionItemSync blippingSync = new ActionItemSync(planner, sides, blippingLinks, journal, metrics, unreadable, deletedRecords,
                intents, settleTimes, transactions, Optional.of(clock));
        InboxWorker worker = new InboxWorker(blippingInbox, List.of(new ActionItemHandler(blippingSync, comments, sides),
                escalationReplay), deadLetters, journal, resilience, metrics, transactions, Optional.of(clock),
                InboxProperties.of(1, LEASE));
        started.add(worker);
        long parkedBefore = deadLetters.count();
        long writesBefore = systems.servicenowWrites();
        for (FaultSuiteSupport.Item item : edited) {
            systems.editJira(item.key(), "{\"summary\":" + SandboxPair.quote(edited(item)) + "}");
        }
        systems.awaitWebhooks();

        drainUntilSettled(worker);

        long parked = deadLetters.count() - parkedBefore;
        long lost = edited.stream().filter(i -> !edited(i).equals(systems.task(i.sysId()).get("short_description"))).count();
        long duplicates = Math.max(0, systems.servicenowWrites() - writesBefore - items);
        long cancelled = cancelledSince(start);
        FaultReport.line("database-blip", blips.injected(), items - lost, parked, duplicates, lost, cancelled);
        assertThat(cancelled).as("cancelled wrongly").isZero();
        assertThat(blips.injected()).as("blips injected on every kind of call").isEqualTo(4);
        assertThat(parked).as("dead letters").isZero();
        assertThat(duplicates).as("duplicates").isZero();
        assertThat(lost).as("lost").isZero();
    }

    // ---- support ----------------------------------------------------------------------------------------

    private InboxWorker worker(EventInbox on, InboxProperties settings) {
        InboxWorker worker = new InboxWorker(on, handlers, deadLetters, journal, resilience, metrics, transactions,
                Optional.of(clock), settings);
        started.add(worker);
        return worker;
    }

    private FaultSuiteSupport.Item linkedItem(String title) {
        String key = systems.createJiraItem(title);
        settle();
        String sysId = systems.taskTitled(title).get("sys_id");
        return new FaultSuiteSupport.Item(title, key, systems.jiraIssue(key).get("id").asText(), sysId);
    }

    private static String edited(FaultSuiteSupport.Item item) {
        return item.title() + " (reviewed)";
    }

    private static Predicate<SandboxRequest> connector(String user, String secret) {
        return Bursts.sentAs(user, secret);
    }

    private long waiting() {
        return inbox.pendingCount();
    }

    /** Works the inbox down with {@code worker}, letting the echoes of its writes come back, until nothing waits now. */
    private void drainUntilSettled(InboxWorker worker) {
        for (int round = 0; round < 30; round++) {
            int done = worker.drain();
            systems.awaitWebhooks();
            if (done == 0 && jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE status IN ('PENDING', 'CLAIMED')"
                    + " AND (not_before IS NULL OR not_before <= :now)")
                    .param("now", java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                    .query(Long.class).single() == 0) {
                return;
            }
        }
        throw new AssertionError("the inbox never ran dry: " + inbox.pendingCount() + " pending");
    }

    private long lastArrival() {
        return jdbc.sql("SELECT COALESCE(MAX(arrival_seq), 0) FROM inbound_events").query(Long.class).single();
    }

    /** Events since {@code arrival} that made the connector cancel or close the item on the other side. */
    private long cancelledSince(long arrival) {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_events WHERE arrival_seq > :arrival"
                        + " AND LOWER(outcome_reason) LIKE 'cancelled %'")
                .param("arrival", arrival).query(Long.class).single();
    }

    /** What became of the Jira issue's events that arrived after {@code arrival}. */
    private List<String> outcomesOf(String jiraIssueId, long arrival) {
        return jdbc.sql("SELECT status FROM inbound_events WHERE source_system = 'JIRA' AND entity_id = :id"
                        + " AND arrival_seq > :arrival")
                .param("id", jiraIssueId)
                .param("arrival", arrival)
                .query(String.class).list();
    }

    /** An inbox whose first call of one method waits (the worker is paused there) until the test lets it go on. */
    private static final class StallingInbox {
        final CountDownLatch stalled = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private final EventInbox target;
        private final String method;
        private final AtomicInteger calls = new AtomicInteger();

        StallingInbox(EventInbox target, String method) {
            this.target = target;
            this.method = method;
        }

        EventInbox inbox() {
            InvocationHandler handler = (proxy, called, args) -> {
                if (called.getName().equals(method) && calls.incrementAndGet() == 1) {
                    stalled.countDown();
                    resume.await(30, TimeUnit.SECONDS);
                }
                return invoke(target, called, args);
            };
            return (EventInbox) Proxy.newProxyInstance(EventInbox.class.getClassLoader(), new Class<?>[] {EventInbox.class},
                    handler);
        }
    }

    /** A store whose named methods fail once each with a transient database error before working again. */
    private static final class Blips {
        private final Set<String> failed = ConcurrentHashMap.newKeySet();
        private final AtomicInteger injected = new AtomicInteger();

        <T> T wrap(Class<T> port, T target, Map<String, Supplier<RuntimeException>> once) {
            InvocationHandler handler = (proxy, called, args) -> {
                Supplier<RuntimeException> blip = once.get(called.getName());
                if (blip != null && failed.add(port.getSimpleName() + "." + called.getName())) {
                    injected.incrementAndGet();
                    throw blip.get();
                }
                return invoke(target, called, args);
            };
            return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, handler));
        }

        int injected() {
            return injected.get();
        }
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
