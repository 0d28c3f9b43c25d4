package io.retrobridge.flow.inbox;

import io.retrobridge.jira.JiraPoller;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Links and syncs everything in scope that exists already. It queues every item on both sides, whatever
 * the watermarks say, and works the inbox down; items already linked are compared and skipped, items
 * created by an earlier run are found by correlation id and linked, never duplicated.
 */
@Component
public class Backfill {

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);
    /** Events worked per drain call; progress is updated and logged after each. */
    private static final int DRAIN_BATCH = 500;

    /** Where a backfill stands; {@code finishedAt} is null while it runs. */
    public record Progress(String state, Instant startedAt, Instant finishedAt, int queuedFromJira,
            int queuedFromServiceNow, int processed, long pending, long links, String error) {
    }

    private final JiraPoller jira;
    private final ServiceNowPoller servicenow;
    private final InboxWorker worker;
    private final EventInbox inbox;
    private final LinkStore links;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backfill");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<Progress> progress = new AtomicReference<>();

    public Backfill(JiraPoller jira, ServiceNowPoller servicenow, InboxWorker worker, EventInbox inbox,
            LinkStore links, Optional<Clock> clock) {
        this.jira = jira;
        this.servicenow = servicenow;
        this.worker = worker;
        this.inbox = inbox;
        this.links = links;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Starts a backfill unless one is running; returns its progress either way. */
    public synchronized Progress start() {
        Progress current = progress.get();
        if (current != null && current.finishedAt() == null) {
            return status().orElseThrow();
        }
        Progress started = new Progress("running", clock.instant(), null, 0, 0, 0, inbox.pendingCount(), links.count(), null);
        progress.set(started);
        runner.submit(this::run);
        return started;
    }

    public Optional<Progress> status() {
        return Optional.ofNullable(progress.get()).map(p -> new Progress(p.state(), p.startedAt(), p.finishedAt(),
                p.queuedFromJira(), p.queuedFromServiceNow(), p.processed(), inbox.pendingCount(), links.count(), p.error()));
    }

    private void run() {
        Progress p = progress.get();
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "backfill-read");
            t.setDaemon(true);
            return t;
        });
        try {
            log.info("Backfill started: queuing every action item in scope on both sides");
            // Reading pages of items and syncing them overlap: the first items are synced while later pages are read.
            // A copy created meanwhile may be read too; it is queued like the echo of any write, and skipped.
            Future<int[]> queuing = reader.submit(() -> {
                int fromServiceNow = servicenow.pollAll();
                return new int[] {jira.pollAll(), fromServiceNow};
            });
            int processed = 0;
            while (!queuing.isDone()) {
                int batch = worker.drain(DRAIN_BATCH);
                if (batch == 0) {
                    Thread.sleep(50);
                    continue;
                }
                processed += batch;
                p = update(p, "running", null, 0, 0, processed, null);
                logProgress(processed);
            }
            int[] queued = queuing.get();
            int fromJira = queued[0];
            int fromServiceNow = queued[1];
            p = update(p, "running", null, fromJira, fromServiceNow, processed, null);
            int batch;
            while ((batch = worker.drain(DRAIN_BATCH)) > 0) {
                processed += batch;
                p = update(p, "running", null, fromJira, fromServiceNow, processed, null);
                logProgress(processed);
            }
            update(p, "done", clock.instant(), fromJira, fromServiceNow, processed, null);
            log.info("Backfill done: {} from Jira and {} from ServiceNow queued, {} processed, {} link(s)",
                    fromJira, fromServiceNow, processed, links.count());
        } catch (ExecutionException e) {
            fail(p, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(p, e);
        } catch (RuntimeException e) {
            fail(p, e);
        } finally {
            reader.shutdownNow();
        }
    }

    private void logProgress(int processed) {
        log.info("Backfill: {} event(s) processed, {} waiting, {} link(s)", processed, inbox.pendingCount(), links.count());
    }

    private void fail(Progress p, Throwable e) {
        update(p, "failed", clock.instant(), p.queuedFromJira(), p.queuedFromServiceNow(), p.processed(), e.getMessage());
        log.warn("Backfill stopped: {}", e.getMessage());
    }

    private Progress update(Progress p, String state, Instant finished, int fromJira, int fromServiceNow, int processed,
            String error) {
        Progress next = new Progress(state, p.startedAt(), finished, fromJira, fromServiceNow, processed,
                inbox.pendingCount(), links.count(), error);
        progress.set(next);
        return next;
    }
}
