package io.retrobridge.flow;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.Journal;
import io.retrobridge.transport.RemoteCallException;
import io.retrobridge.transport.ResilienceProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the inbox: each stored event is applied, skipped with its reason, or parked as a dead
 * letter with the error. Calls are retried inside the transport before an error reaches here, except writes
 * that may have been half done (POST, PUT, PATCH answered 5xx, cut off or timed out) and answers that came back
 * 2xx but unreadable (garbled by a proxy, cut short): the transport cannot know whether they landed, but the
 * sync can, because it reads both records again before it writes. So such an event is run again here, with the
 * system's backoff, up to its max-attempts; an error that remains, or that retrying would not cure, parks the
 * event, and the dead letter can be replayed once the cause is fixed.
 *
 * <p>A call refused by an open circuit breaker is different: nothing was tried, and the same event applies fine once
 * the system is back. Such an event is neither parked nor finished but handed back to the inbox to wait, and the
 * drain round stops there, since every event reads both systems and would be refused the same way; the next drain
 * tick offers it again, and once the breaker lets calls through it applies without anyone replaying it.
 */
@Component("inboxWorker")
public class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final int BATCH = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_WORKERS = 64;

    /** The methods the transport never retries after a 5xx, a cut connection or a timeout. */
    private static final Set<String> MAYBE_HALF_DONE = Set.of("POST", "PUT", "PATCH");

    private final EventInbox inbox;
    private final ActionItemSync sync;
    private final CommentSync comments;
    private final DeadLetterStore deadLetters;
    private final Journal journal;
    private final ResilienceProperties resilience;
    private final SyncMetrics metrics;
    private final ObjectProvider<EscalationScan> escalations;
    private final Clock clock;
    /** A claim older than this belongs to a worker that died; its events are offered again. */
    private final Duration abandonedClaim;
    /** Events synced at once; 1 works them one by one on the caller's thread. */
    private final int workers;
    private final ExecutorService pool;
    private final TransactionTemplate recording;

    public InboxWorker(EventInbox inbox, ActionItemSync sync, CommentSync comments, DeadLetterStore deadLetters,
            Journal journal, ResilienceProperties resilience, SyncMetrics metrics, ObjectProvider<EscalationScan> escalations,
            PlatformTransactionManager transactions, Optional<Clock> clock,
            @Value("${retrobridge.sync.claim-timeout:5m}") Duration abandonedClaim,
            @Value("${retrobridge.sync.workers:1}") int workers) {
        if (abandonedClaim.isNegative() || abandonedClaim.isZero()) {
            throw new IllegalArgumentException("retrobridge.sync.claim-timeout must be above 0 but was " + abandonedClaim
                    + "; set it longer than the slowest sync of one item (default 5m)");
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("retrobridge.sync.workers must be between 1 and " + MAX_WORKERS
                    + " but was " + workers + "; it is how many items are synced at once (default 1)");
        }
        this.escalations = escalations;
        this.recording = new TransactionTemplate(transactions);
        this.abandonedClaim = abandonedClaim;
        this.workers = workers;
        this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, new ThreadFactory() {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "inbox-worker-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            }
        });
        this.comments = comments;
        this.metrics = metrics;
        this.inbox = inbox;
        this.resilience = resilience;
        this.sync = sync;
        this.deadLetters = deadLetters;
        this.journal = journal;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Processes waiting events until none are left, {@code max} were taken, or a circuit breaker refused a call;
     * returns how many were finished (applied, skipped or parked), not counting those handed back to wait.
     */
    public int drain(int max) {
        inbox.releaseClaimsBefore(clock.instant().minus(abandonedClaim));
        return pool == null ? drainOneByOne(max) : drainConcurrently(max);
    }

    private int drainOneByOne(int max) {
        int taken = 0;
        int finished = 0;
        boolean refused = false;
        while (taken < max && !refused) {
            List<InboundEvent> claimed = inbox.claimNext(Math.min(BATCH, max - taken));
            if (claimed.isEmpty()) {
                break;
            }
            // The rest of a batch already claimed is still run: each either gets through or is handed back at once.
            for (InboundEvent event : claimed) {
                if (handle(event)) {
                    finished++;
                } else {
                    refused = true;
                }
            }
            taken += claimed.size();
        }
        return finished;
    }

    public int drain() {
        return drain(500);
    }

    /**
     * Keeps up to {@code workers} events in hand at once: as soon as one finishes, the next is claimed. Remote
     * calls mostly wait on the network, so this is what lets throughput follow the rate limit instead of
     * latency. Two events of one item are never in hand at once: the inbox claims one event per item.
     */
    private int drainConcurrently(int max) {
        Semaphore free = new Semaphore(workers);
        AtomicBoolean refused = new AtomicBoolean();
        AtomicInteger finished = new AtomicInteger();
        int submitted = 0;
        try {
            while (submitted < max && !refused.get()) {
                free.acquire();
                int slots = 1 + free.drainPermits();
                List<InboundEvent> claimed = inbox.claimNext(Math.min(slots, max - submitted));
                free.release(slots - claimed.size());
                if (claimed.isEmpty()) {
                    if (free.availablePermits() == workers) {
                        break;
                    }
                    // What waits may belong to items in hand; look again when one of them is done.
                    Thread.sleep(5);
                    continue;
                }
                for (InboundEvent event : claimed) {
                    pool.execute(() -> {
                        try {
                            if (handle(event)) {
                                finished.incrementAndGet();
                            } else {
                                refused.set(true);
                            }
                        } catch (RuntimeException e) {
                            // Its claim is given up after retrobridge.sync.claim-timeout and it is offered again.
                            log.error("Could not finish {} {} for {}: {}", event.source(), event.kind(), event.entityId(),
                                    e.toString());
                        } finally {
                            free.release();
                        }
                    });
                }
                submitted += claimed.size();
            }
            free.acquire(workers);
            free.release(workers);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return finished.get();
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** True when the event was finished; false when a circuit breaker refused a call and it waits again. */
    private boolean handle(InboundEvent event) {
        long started = System.nanoTime();
        Optional<InboxOutcome> outcome = handleTimed(event);
        if (outcome.isEmpty()) {
            metrics.deferred(event);
            return false;
        }
        metrics.processed(event, outcome.get(), Duration.ofNanos(System.nanoTime() - started));
        return true;
    }

    /** What became of the event; empty when it was handed back to wait for a circuit breaker to close. */
    private Optional<InboxOutcome> handleTimed(InboundEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (EscalationScan.DEAD_LETTER_KIND.equals(event.kind())) {
                    SyncResult result = escalate(event);
                    inbox.complete(event.id(), result.outcome(), result.reason());
                    return Optional.of(result.outcome());
                }
                // The journal entries, link updates and inbox outcome of the event commit together; the intents
                // announced before each remote write commit on their own, so a crash leaves them to be settled.
                SyncResult result = recording.execute(status -> {
                    SyncResult synced = sync.process(event);
                    // After the item, so a newly created item's comments follow it in the same event.
                    int copied = comments.syncCommentsOf(event.entity());
                    if (copied > 0) {
                        synced = new SyncResult(InboxOutcome.APPLIED, synced.reason() + "; copied " + copied + " comment(s)");
                    }
                    inbox.complete(event.id(), synced.outcome(), synced.reason());
                    return synced;
                });
                return Optional.of(result.outcome());
            } catch (RuntimeException e) {
                Optional<RemoteCallException> refused = refusedByOpenCircuit(e);
                if (refused.isPresent()) {
                    defer(event, refused.get());
                    return Optional.empty();
                }
                Optional<RemoteCallException> unsure = worthRunningAgain(e);
                if (unsure.isPresent() && attempt < maxAttempts(unsure.get()) && pause(unsure.get(), attempt)) {
                    log.info("Running {} {} for {} again (attempt {}): {}", event.source(), event.kind(),
                            event.entityId(), attempt + 1, describe(e));
                    continue;
                }
                park(event, e, attempt);
                return Optional.of(InboxOutcome.PARKED);
            }
        }
    }

    /**
     * A replayed dead letter of an escalation step: the parked step is taken up again and its item scanned, which
     * writes the step (or finds what an earlier try wrote) under the same claim.
     */
    private SyncResult escalate(InboundEvent event) {
        EscalationScan scan = escalations.getObject();
        JsonNode payload;
        try {
            payload = JSON.readTree(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the escalation dead letter's payload is not JSON: " + e.getOriginalMessage());
        }
        String itemKey = payload.path("itemKey").asText(event.entityId());
        String recordId = payload.path("recordId").asText("");
        boolean reclaimed = !recordId.isEmpty() && scan.reclaim(UUID.fromString(recordId));
        ScanSummary summary = scan.scanItem(itemKey);
        if (summary.parked() > 0) {
            // The scan parked it again with a new dead letter; a second one for this event would say the same.
            return new SyncResult(InboxOutcome.PARKED, "the escalation of " + itemKey
                    + " was refused again; see its new dead letter");
        }
        return SyncResult.applied((reclaimed ? "took up parked step " + payload.path("ladderId").asText() + "/"
                + payload.path("stepId").asText() + " again; " : "") + "escalation scan of " + itemKey + ": "
                + summary.raised() + " raised, " + summary.resolved() + " resolved");
    }

    private void park(InboundEvent event, RuntimeException e, int attempts) {
        String error = describe(e);
        log.warn("Parked {} {} for {} {} after {} attempt(s): {}", event.source(), event.kind(), event.source(),
                event.entityId(), attempts, error);
        deadLetters.park(DeadLetter.park(event, error, attempts, clock.instant()));
        journal.append(JournalEntry.of(clock.instant(), null, event.entity(), JournalAction.PARKED,
                "parked in the dead-letter store: " + error, List.of(), event.kind()));
        inbox.complete(event.id(), InboxOutcome.PARKED, error);
    }

    /**
     * Hands the event back to wait. Journaled and logged at INFO the first time only: while a breaker stays open the
     * event is refused again on every drain tick, and a line per tick would bury what matters.
     */
    private void defer(InboundEvent event, RemoteCallException refused) {
        String reason = "waiting, not parked: " + describe(refused) + "; tried again on the next drain once calls resume";
        if (inbox.defer(event.id(), reason)) {
            log.info("{} {} for {} waits for the {} circuit breaker to close: {}", event.source(), event.kind(),
                    event.entityId(), refused.system(), describe(refused));
            journal.append(JournalEntry.of(clock.instant(), null, event.entity(), JournalAction.ERROR,
                    refused.system() + " refused calls (circuit breaker open); the event waits and is tried again "
                            + "once calls resume, it is not parked", List.of(), describe(refused)));
        } else {
            log.debug("{} {} for {} still waits for the {} circuit breaker", event.source(), event.kind(),
                    event.entityId(), refused.system());
        }
    }

    /** A call the breaker refused without sending: nothing was done, and retrying later will do it. */
    private static Optional<RemoteCallException> refusedByOpenCircuit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteCallException remote && remote.circuitOpen()) {
                return Optional.of(remote);
            }
        }
        return Optional.empty();
    }

    /**
     * A transient failure of a write the transport left unretried because it may have landed, or a 2xx answer
     * that could not be read (whatever it answered may have been done; the next read tells). A 429 or 503 was
     * refused before anything happened and the transport has retried it already, so it is not run again here.
     */
    private static Optional<RemoteCallException> worthRunningAgain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RemoteCallException remote) {
                if (remote.unreadableAnswer()) {
                    return Optional.of(remote);
                }
                boolean retriedAlready = remote.failure() == RemoteCallException.Failure.RATE_LIMITED
                        || remote.status().orElse(0) == 503;
                return remote.isTransient() && !remote.circuitOpen() && !retriedAlready
                        && MAYBE_HALF_DONE.contains(remote.method()) ? Optional.of(remote) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private int maxAttempts(RemoteCallException failure) {
        try {
            return resilience.forSystem(failure.system()).maxAttempts();
        } catch (IllegalArgumentException notOneWeSyncWith) {
            return 1;
        }
    }

    /** Waits as the transport would before its next try; false when interrupted (then the event is parked). */
    private boolean pause(RemoteCallException failure, int attempt) {
        ResilienceProperties.PerSystem policy = resilience.forSystem(failure.system());
        Duration wait = policy.backoff().delay(attempt, failure.retryAfter(), false,
                () -> ThreadLocalRandom.current().nextDouble());
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) + "..." : message;
    }
}
