package io.retrobridge.flow.inbox;

import io.retrobridge.domain.DeadLetter;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.sync.ClaimLostException;
import io.retrobridge.sync.ClaimedEvent;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.transport.Causes;
import io.retrobridge.transport.FailureTriage;
import io.retrobridge.transport.ResilienceProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the inbox: each stored event is claimed and handed to the {@link EventHandler} that takes its kind
 * and source, and its outcome recorded: applied, skipped with its reason, handed back to wait, or parked as a dead
 * letter with the error. An event no handler takes is parked with that reason, to be replayed once one is. Calls
 * are retried inside the transport before an error reaches here; what then becomes of the event is decided by
 * {@link FailureTriage}: run again at once after a backoff (a write that may have half landed, an unreadable 2xx
 * answer, a database blip), wait without being finished until a time (an open circuit breaker, a 429 whose
 * Retry-After is longer than the transport holds a thread), or parked (everything else, and whatever waited longer
 * than {@code retrobridge.sync.max-deferral}).
 *
 * <p>A waiting event blocks only its own entity's later events; the drain round goes on with the others, so a
 * rate-limited system or a poison record holds up nothing else.
 *
 * <p>Each claim carries a fencing token. The worker renews the claims it holds every {@code claim-renewal}, and
 * before each remote write the sync checks (through {@link ClaimGuard}) that the claim is still held: a worker that
 * stalled past {@code claim-timeout}, whose event was taken over by another, neither writes nor records an outcome.
 */
@Component("inboxWorker")
public class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final int BATCH = 20;

    /** What became of one claimed event. */
    private enum Handled { FINISHED, WAITING, LOST }

    private final EventInbox inbox;
    private final EventHandlers handlers;
    private final DeadLetterStore deadLetters;
    private final Journal journal;
    private final FailureTriage triage;
    private final SyncMetrics metrics;
    private final Clock clock;
    /** A claim not renewed for this long belongs to a worker that died or stalled; its events are offered again. */
    private final Duration abandonedClaim;
    /** Events synced at once; 1 works them one by one on the caller's thread. */
    private final int workers;
    private final ExecutorService pool;
    /** The claims in hand, renewed by the heartbeat while their syncs run. */
    private final Map<UUID, ClaimedEvent> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat;
    private final TransactionTemplate recording;
    /** Set as the application starts closing: nothing more is claimed, and claims not started are handed back. */
    private volatile boolean closing;
    /** Opened with {@link #closing}: a backoff pause ends at once. */
    private final CountDownLatch closed = new CountDownLatch(1);

    public InboxWorker(EventInbox inbox, List<EventHandler> handlers, DeadLetterStore deadLetters, Journal journal,
            ResilienceProperties resilience, SyncMetrics metrics, PlatformTransactionManager transactions,
            Optional<Clock> clock, InboxProperties settings) {
        this.handlers = new EventHandlers(handlers);
        this.recording = new TransactionTemplate(transactions);
        this.abandonedClaim = settings.claimTimeout();
        this.workers = settings.workers();
        this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, daemons("inbox-worker-"));
        this.metrics = metrics;
        this.inbox = inbox;
        this.triage = new FailureTriage(resilience, settings.maxDeferral());
        this.deadLetters = deadLetters;
        this.journal = journal;
        this.clock = clock.orElse(Clock.systemUTC());
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemons("inbox-claim-renewal-"));
        long every = settings.claimRenewal().toMillis();
        heartbeat.scheduleWithFixedDelay(this::renewHeldClaims, every, every, TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Processes waiting events until none are left that may be taken now, or {@code max} were taken; returns how many
     * were finished (applied, skipped or parked), not counting those handed back to wait.
     */
    public int drain(int max) {
        try {
            inbox.releaseClaimsBefore(clock.instant().minus(abandonedClaim));
        } catch (DataAccessException e) {
            unlessDatabaseBlip(e, "Could not release stale claims this round, trying again next round");
        }
        return pool == null ? drainOneByOne(max) : drainConcurrently(max);
    }

    private int drainOneByOne(int max) {
        int taken = 0;
        int finished = 0;
        while (taken < max && !closing) {
            List<ClaimedEvent> claimed = claimNext(Math.min(BATCH, max - taken));
            if (claimed.isEmpty()) {
                break;
            }
            for (ClaimedEvent claim : claimed) {
                if (closing) {
                    handBack(claim);
                } else if (handle(claim) == Handled.FINISHED) {
                    finished++;
                }
            }
            taken += claimed.size();
        }
        return finished;
    }

    /** The next claims, or none when the database failed for a moment: the next drain tick tries again. */
    private List<ClaimedEvent> claimNext(int max) {
        try {
            List<ClaimedEvent> claimed = inbox.claimNext(max);
            claimed.forEach(claim -> held.put(claim.event().id(), claim));
            return claimed;
        } catch (DataAccessException e) {
            unlessDatabaseBlip(e, "Could not claim inbox events this round, trying again next round");
            return List.of();
        }
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
        AtomicInteger finished = new AtomicInteger();
        int submitted = 0;
        try {
            while (submitted < max && !closing) {
                free.acquire();
                int slots = 1 + free.drainPermits();
                List<ClaimedEvent> claimed = claimNext(Math.min(slots, max - submitted));
                free.release(slots - claimed.size());
                if (claimed.isEmpty()) {
                    if (free.availablePermits() == workers) {
                        break;
                    }
                    // What waits may belong to items in hand; look again when one of them is done.
                    Thread.sleep(5);
                    continue;
                }
                for (ClaimedEvent claim : claimed) {
                    if (closing) {
                        handBack(claim);
                        free.release();
                        continue;
                    }
                    pool.execute(() -> {
                        try {
                            if (handle(claim) == Handled.FINISHED) {
                                finished.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            // Its claim is given up after retrobridge.sync.claim-timeout and it is offered again.
                            InboundEvent event = claim.event();
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

    /**
     * The application is closing: the drain in progress finishes the events it started and returns, so a shutdown
     * waits for those only, not for the rest of a 500-event round. Runs before Camel's own shutdown waits on it.
     */
    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void closing() {
        closing = true;
        closed.countDown();
    }

    /**
     * A claim not started, given back as it was, so the next worker (this instance after a restart, or another one)
     * takes it at once.
     */
    private void handBack(ClaimedEvent claim) {
        held.remove(claim.event().id());
        try {
            inbox.handBack(claim);
        } catch (DataAccessException e) {
            log.warn("Could not hand back inbound event {} at shutdown; it is offered again after the claim timeout: {}",
                    claim.event().id(), e.getMostSpecificCause().toString());
        }
    }

    @PreDestroy
    public void stop() {
        heartbeat.shutdownNow();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Keeps the claims in hand fresh while long syncs run, so they are not taken for abandoned. */
    private void renewHeldClaims() {
        for (ClaimedEvent claim : held.values()) {
            try {
                if (!inbox.renew(claim)) {
                    log.warn("The claim on {} {} for {} was taken over; its sync will stop before its next write",
                            claim.event().source(), claim.event().kind(), claim.event().entityId());
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew the claim on inbound event {}: {}", claim.event().id(), e.toString());
            }
        }
    }

    private Handled handle(ClaimedEvent claim) {
        long started = System.nanoTime();
        try {
            Optional<InboxOutcome> outcome = handleTimed(claim);
            if (outcome.isPresent()) {
                metrics.processed(claim.event(), outcome.get(), Duration.ofNanos(System.nanoTime() - started));
                return Handled.FINISHED;
            }
            return Handled.WAITING;
        } catch (ClaimLostException lost) {
            InboundEvent event = claim.event();
            log.warn("Stopped {} {} for {} without writing or recording anything: {}", event.source(), event.kind(),
                    event.entityId(), lost.getMessage());
            return Handled.LOST;
        } catch (DataAccessException e) {
            // The outcome could not be recorded: the claim goes stale and the event is offered again.
            InboundEvent event = claim.event();
            unlessDatabaseBlip(e, "Could not record what became of " + event.source() + " " + event.kind() + " for "
                    + event.entityId() + "; it is offered again after " + abandonedClaim);
            return Handled.LOST;
        } finally {
            held.remove(claim.event().id());
        }
    }

    /** A database blip is logged and its work left to a later round; any other database failure goes on up. */
    private static void unlessDatabaseBlip(DataAccessException e, String whatWasLeft) {
        if (!FailureTriage.isDatabaseBlip(e)) {
            throw e;
        }
        log.warn("{}: {}", whatWasLeft, e.getMessage());
    }

    /** What became of the event; empty when it was handed back to wait. */
    private Optional<InboxOutcome> handleTimed(ClaimedEvent claim) {
        InboundEvent event = claim.event();
        Optional<EventHandler> taker = handlers.of(event);
        if (taker.isEmpty()) {
            // Never dropped: parked with its reason, it can be replayed once a handler for its kind is installed.
            park(claim, EventHandlers.NO_HANDLER, EventHandlers.noHandlerFor(event), 0);
            return Optional.of(InboxOutcome.PARKED);
        }
        EventHandler handler = taker.get();
        for (int attempt = 1; ; attempt++) {
            try {
                SyncResult result = ClaimGuard.holding(() -> checkHeld(claim), () -> applyAndComplete(claim, handler));
                return Optional.of(result.outcome());
            } catch (RuntimeException e) {
                ClaimLostException lost = Causes.find(e, ClaimLostException.class);
                if (lost != null) {
                    throw lost;
                }
                FailureTriage.Verdict verdict = triage.judge(e, attempt, clock.instant(), claim.firstDeferred());
                if (verdict instanceof FailureTriage.RunAgain again) {
                    if (pause(again.pause())) {
                        log.info("Running {} {} for {} again (attempt {}): {}", event.source(), event.kind(),
                                event.entityId(), attempt + 1, again.reason());
                        continue;
                    }
                    // Closing: the next worker runs it again at once, as this one would have after the pause.
                    handBack(claim);
                    return Optional.empty();
                }
                if (verdict instanceof FailureTriage.Wait wait) {
                    defer(claim, wait);
                    metrics.deferred(event);
                    return Optional.empty();
                }
                park(claim, verdict.kind(), verdict.reason(), attempt);
                return Optional.of(InboxOutcome.PARKED);
            }
        }
    }

    /**
     * Runs the handler and records the event's outcome, in one transaction with what the handler records unless the
     * handler commits in its own. Either way the intents announced before each remote write commit on their own, so a
     * crash in between leaves them to be settled by the next run.
     */
    private SyncResult applyAndComplete(ClaimedEvent claim, EventHandler handler) {
        return switch (handler.recording()) {
            case WITH_THE_OUTCOME -> recording.execute(status -> handleAndComplete(claim, handler));
            case IN_ITS_OWN_TRANSACTIONS -> handleAndComplete(claim, handler);
        };
    }

    private SyncResult handleAndComplete(ClaimedEvent claim, EventHandler handler) {
        SyncResult result = handler.handle(claim.event());
        inbox.complete(claim, result.outcome(), result.reason());
        return result;
    }

    /** Before a remote write: the claim must still be ours (renewing it on the way). */
    private void checkHeld(ClaimedEvent claim) {
        if (!inbox.renew(claim)) {
            throw new ClaimLostException(claim.event().id(), claim.token(), "taken over before a write");
        }
    }

    private void park(ClaimedEvent claim, String errorKind, String error, int attempts) {
        InboundEvent event = claim.event();
        // A dead letter for an event someone else now owns would be a false alarm; finding out costs one update.
        checkHeld(claim);
        log.warn("Parked {} {} for {} {} after {} attempt(s) ({}): {}", event.source(), event.kind(), event.source(),
                event.entityId(), attempts, errorKind, error);
        deadLetters.park(DeadLetter.park(event, errorKind, error, attempts, clock.instant()));
        journal.append(JournalEntry.of(clock.instant(), null, event.entity(), JournalAction.PARKED,
                "parked in the dead-letter store: " + error, List.of(), event.kind()));
        inbox.complete(claim, InboxOutcome.PARKED, error);
    }

    /**
     * Hands the event back to wait until the verdict's time. Journaled and logged at INFO the first time only: while
     * a system stays unavailable the event may wait many times, and a line each time would bury what matters.
     */
    private void defer(ClaimedEvent claim, FailureTriage.Wait wait) {
        InboundEvent event = claim.event();
        boolean breaker = FailureTriage.CIRCUIT_OPEN.equals(wait.kind());
        String reason = "waiting until " + wait.until() + ", not parked: " + wait.reason();
        if (inbox.defer(claim, reason, wait.until())) {
            log.info("{} {} for {} waits until {} ({}): {}", event.source(), event.kind(), event.entityId(),
                    wait.until(), wait.kind(), wait.reason());
            String summary = breaker
                    ? "a system refused calls (circuit breaker open); the event waits and is tried again once calls "
                            + "resume, it is not parked"
                    : "the call was refused for now (" + wait.kind() + "); the event waits until " + wait.until()
                            + " and is tried again then, it is not parked";
            journal.append(JournalEntry.of(clock.instant(), null, event.entity(), JournalAction.ERROR, summary,
                    List.of(), wait.reason()));
        } else {
            log.debug("{} {} for {} still waits ({}), now until {}", event.source(), event.kind(), event.entityId(),
                    wait.kind(), wait.until());
        }
    }

    /** Waits before running the event again; false when the application closed (or the thread was interrupted) first. */
    private boolean pause(Duration wait) {
        try {
            return !closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
