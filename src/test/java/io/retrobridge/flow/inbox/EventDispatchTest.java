package io.retrobridge.flow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.testsupport.KeyedApi;
import io.retrobridge.transport.ResilienceProperties;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The running connector's inbox worker with handlers registered as beans beside the built-in ones: each event goes to
 * the handler that takes its kind and source, a handler's records commit with the outcome or on their own as it
 * says, and an event nobody takes is parked with the reason and can be replayed over the admin API once a handler
 * for it is installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EventDispatchTest.Pings.class, EventDispatchTest.NotesWithTheOutcome.class,
        EventDispatchTest.NotesOnTheirOwn.class})
class EventDispatchTest {

    private static final String ADMIN_KEY = "test-admin-key-0123456789";

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
    JdbcClient jdbc;

    @Autowired
    Pings pings;

    @Autowired
    List<EventHandler> handlers;

    @Autowired
    ResilienceProperties resilience;

    @Autowired
    SyncMetrics metrics;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void clean() {
        jdbc.sql("DELETE FROM dead_letters").update();
        jdbc.sql("DELETE FROM inbound_events").update();
        jdbc.sql("DELETE FROM journal").update();
        pings.seen.clear();
    }

    @Test
    void anEventGoesToTheHandlerRegisteredForItsKindAndSource() {
        InboundEvent ping = accept(ExternalSystem.JIRA, "test:ping", "10001");
        InboundEvent otherSource = accept(ExternalSystem.SERVICENOW, "test:ping", "a1b2");

        assertThat(worker.drain()).as("both finished").isEqualTo(2);

        assertThat(pings.seen).as("the registered handler got the Jira ping only").containsExactly(ping.id());
        assertThat(outcome(ping)).containsExactly("APPLIED", "pinged 10001");
        assertThat(outcome(otherSource)).containsExactly("PARKED",
                "no handler for kind test:ping from source SERVICENOW; replay it once a handler for this kind is installed");
        assertThat(deadLetters.list(0, 10)).extracting(letter -> letter.event().id()).containsExactly(otherSource.id());
    }

    @Test
    void whatAHandlerRecordsWithTheOutcomeGoesWithItWhileOwnTransactionsStay() {
        InboundEvent together = accept(ExternalSystem.JIRA, NotesWithTheOutcome.KIND, "10002");
        InboundEvent onItsOwn = accept(ExternalSystem.JIRA, NotesOnTheirOwn.KIND, "10003");

        worker.drain();

        // Both handlers note the event in the journal, then fail for good: each event is parked.
        assertThat(outcome(together).get(0)).isEqualTo("PARKED");
        assertThat(outcome(onItsOwn).get(0)).isEqualTo("PARKED");
        assertThat(actions(together)).as("the note rolled back with the outcome's transaction")
                .containsExactly(JournalAction.PARKED);
        assertThat(actions(onItsOwn)).as("the note committed on its own before the failure")
                .containsExactlyInAnyOrder(JournalAction.RECEIVED, JournalAction.PARKED);
    }

    @Test
    void anEventOfAKindNoHandlerTakesIsParkedWithItsReasonAndRunsOnceReplayedToAHandler() {
        InboundEvent deployment = accept(ExternalSystem.SERVICENOW, "pipeline:deployment", "deploy-42");

        assertThat(worker.drain()).as("finished, not dropped or left waiting").isEqualTo(1);

        String reason = "no handler for kind pipeline:deployment from source SERVICENOW; replay it once a handler for"
                + " this kind is installed";
        assertThat(outcome(deployment)).containsExactly("PARKED", reason);
        DeadLetter letter = deadLetters.list(0, 10).get(0);
        assertThat(letter.event().id()).isEqualTo(deployment.id());
        assertThat(letter.errorKind()).isEqualTo("no_handler");
        assertThat(letter.error()).isEqualTo(reason);
        assertThat(journal.forSubject(deployment.entity(), 10)).extracting(JournalEntry::action, JournalEntry::summary)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(JournalAction.PARKED,
                        "parked in the dead-letter store: " + reason));

        HttpResponse<String> replay = new KeyedApi(port).post("/api/admin/dead-letters/" + letter.id() + "/replay",
                ADMIN_KEY);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        UUID replayed = UUID.fromString(KeyedApi.json(replay).get("event").asText());

        // The source's package is installed: its handler is a bean beside the others.
        Deployments deployments = new Deployments();
        List<EventHandler> withDeployments = new ArrayList<>(handlers);
        withDeployments.add(deployments);
        InboxWorker upgraded = new InboxWorker(inbox, withDeployments, deadLetters, journal, resilience, metrics,
                transactions, Optional.empty(), InboxProperties.of(1, Duration.ofMinutes(5)));
        try {
            assertThat(upgraded.drain()).isEqualTo(1);
        } finally {
            upgraded.stop();
        }
        assertThat(deployments.seen).containsExactly("deploy-42");
        assertThat(outcomeOf(replayed)).containsExactly("APPLIED", "deployment deploy-42 noted");
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 4})
    void aWorkerClosingWithTheApplicationFinishesWhatItStartedAndHandsTheRestBackUntouched(int workers) {
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(accept(ExternalSystem.JIRA, "test:ping", "closing-" + workers + "-" + i));
        }
        List<EventHandler> closingOnFirst = new ArrayList<>(handlers);
        AtomicReference<InboxWorker> closingWorker = new AtomicReference<>();
        closingOnFirst.removeIf(handler -> handler == pings);
        closingOnFirst.add(new Pings() {
            @Override
            public SyncResult handle(InboundEvent event) {
                closingWorker.get().closing();
                return super.handle(event);
            }
        });
        InboxWorker closing = new InboxWorker(inbox, closingOnFirst, deadLetters, journal, resilience, metrics,
                transactions, Optional.empty(), InboxProperties.of(workers, Duration.ofMinutes(5)));
        closingWorker.set(closing);
        try {
            int finished = closing.drain();

            assertThat(finished).as("only what had started when it closed").isBetween(1, workers);
            assertThat(inbox.pendingCount()).isEqualTo(events.size() - finished);
            assertThat(inbox.dueCount(Instant.now())).as("the rest is claimable at once, not left claimed")
                    .isEqualTo(events.size() - finished);
            assertThat(worker.drain()).as("the next worker takes them").isEqualTo(events.size() - finished);
            assertThat(events).allSatisfy(event -> assertThat(outcome(event).get(0)).isEqualTo("APPLIED"));
        } finally {
            closing.stop();
        }
    }

    @Test
    void anEventWaitingToRunAgainWhenTheApplicationClosesIsHandedBackNotRunAgainNorParked() {
        InboundEvent blipped = accept(ExternalSystem.JIRA, "test:ping", "closing-during-backoff");
        List<EventHandler> blippingOnce = new ArrayList<>(handlers);
        AtomicReference<InboxWorker> closingWorker = new AtomicReference<>();
        List<UUID> attempts = new CopyOnWriteArrayList<>();
        blippingOnce.removeIf(handler -> handler == pings);
        blippingOnce.add(new Pings() {
            @Override
            public SyncResult handle(InboundEvent event) {
                attempts.add(event.id());
                if (attempts.size() == 1) {
                    closingWorker.get().closing();
                    throw new CannotGetJdbcConnectionException("pool exhausted");
                }
                return super.handle(event);
            }
        });
        InboxWorker closing = new InboxWorker(inbox, blippingOnce, deadLetters, journal, resilience, metrics,
                transactions, Optional.empty(), InboxProperties.of(1, Duration.ofMinutes(5)));
        closingWorker.set(closing);
        try {
            assertThat(closing.drain()).isZero();
        } finally {
            closing.stop();
        }

        assertThat(attempts).as("not run again by the closing worker").hasSize(1);
        assertThat(outcome(blipped).get(0)).isEqualTo("PENDING");
        assertThat(inbox.dueCount(Instant.now())).as("claimable at once").isEqualTo(1);
        assertThat(deadLetters.list(0, 10)).isEmpty();
        assertThat(worker.drain()).as("the next worker runs it").isEqualTo(1);
        assertThat(outcome(blipped)).containsExactly("APPLIED", "pinged closing-during-backoff");
    }

    private InboundEvent accept(ExternalSystem source, String kind, String entityId) {
        InboundEvent event = InboundEvent.received(source, kind, entityId, kind + ":" + entityId + ":" + UUID.randomUUID(),
                Instant.now(), "{}");
        assertThat(inbox.accept(event)).isTrue();
        return event;
    }

    private List<String> outcome(InboundEvent event) {
        return outcomeOf(event.id());
    }

    private List<String> outcomeOf(UUID event) {
        Map<String, Object> row = jdbc.sql("SELECT status, outcome_reason FROM inbound_events WHERE id = :id")
                .param("id", event).query().singleRow();
        return List.of(String.valueOf(row.get("status")), String.valueOf(row.get("outcome_reason")));
    }

    private List<JournalAction> actions(InboundEvent event) {
        return journal.forSubject(event.entity(), 10).stream().map(JournalEntry::action).toList();
    }

    /** A handler registered as a bean: Jira pings only. */
    static class Pings implements EventHandler {

        final List<UUID> seen = new CopyOnWriteArrayList<>();

        @Override
        public Set<HandledKind> takes() {
            return Set.of(HandledKind.named("test:ping").from(ExternalSystem.JIRA));
        }

        @Override
        public SyncResult handle(InboundEvent event) {
            seen.add(event.id());
            return SyncResult.applied("pinged " + event.entityId());
        }

        @Override
        public Recording recording() {
            return Recording.WITH_THE_OUTCOME;
        }
    }

    /** Notes the event in the journal, then fails for good. */
    abstract static class NotingThenFailing implements EventHandler {

        private final Journal journal;

        NotingThenFailing(Journal journal) {
            this.journal = journal;
        }

        @Override
        public SyncResult handle(InboundEvent event) {
            journal.append(JournalEntry.of(Instant.now(), null, new ExternalRef(event.source(), event.entityId()),
                    JournalAction.RECEIVED, "noted " + event.kind(), List.of(), null));
            throw new IllegalStateException("refused after noting " + event.kind());
        }
    }

    static class NotesWithTheOutcome extends NotingThenFailing {

        static final String KIND = "test:note-with-outcome";

        NotesWithTheOutcome(Journal journal) {
            super(journal);
        }

        @Override
        public Set<HandledKind> takes() {
            return Set.of(HandledKind.named(KIND));
        }

        @Override
        public Recording recording() {
            return Recording.WITH_THE_OUTCOME;
        }
    }

    static class NotesOnTheirOwn extends NotingThenFailing {

        static final String KIND = "test:note-on-its-own";

        NotesOnTheirOwn(Journal journal) {
            super(journal);
        }

        @Override
        public Set<HandledKind> takes() {
            return Set.of(HandledKind.named(KIND));
        }

        @Override
        public Recording recording() {
            return Recording.IN_ITS_OWN_TRANSACTIONS;
        }
    }

    /** The handler a new source's package would bring. */
    static class Deployments implements EventHandler {

        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public Set<HandledKind> takes() {
            return Set.of(HandledKind.startingWith("pipeline:"));
        }

        @Override
        public SyncResult handle(InboundEvent event) {
            seen.add(event.entityId());
            return SyncResult.applied("deployment " + event.entityId() + " noted");
        }

        @Override
        public Recording recording() {
            return Recording.WITH_THE_OUTCOME;
        }
    }
}
