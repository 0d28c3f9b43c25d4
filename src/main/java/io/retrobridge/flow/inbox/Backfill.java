package io.retrobridge.flow.inbox;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.ChangeSource;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Links and syncs everything in scope that exists already. It queues every item of every registered change
 * source, whatever the watermarks say, and works the inbox down; items already linked are compared and skipped, items
 * created by an earlier run are found by correlation id and linked, never duplicated.
 */
@Component
public class Backfill {

    private static final Logger log = LoggerFactory.getLogger(Backfill.class);
    /** Events worked per drain call; progress is updated and logged after each. */
    private static final int DRAIN_BATCH = 500;

    /**
     * Where a backfill stands; {@code finishedAt} is null while it runs. {@code queued} counts per source name,
     * in the order they were read; the Jira and ServiceNow counts are repeated in their own fields.
     */
    public record Progress(String state, Instant startedAt, Instant finishedAt, int queuedFromJira,
            int queuedFromServiceNow, Map<String, Integer> queued, int processed, long pending, long links,
            String error) {

        public Progress {
            queued = Collections.unmodifiableMap(new LinkedHashMap<>(queued));
        }
    }

    private final List<ChangeSource> sources;
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

    public Backfill(List<ChangeSource> sources, InboxWorker worker, EventInbox inbox,
            LinkStore links, Optional<Clock> clock) {
        this.sources = List.copyOf(sources);
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
        Progress started = new Progress("running", clock.instant(), null, 0, 0, Map.of(), 0, inbox.pendingCount(),
                links.count(), null);
        progress.set(started);
        runner.submit(this::run);
        return started;
    }

    public Optional<Progress> status() {
        return Optional.ofNullable(progress.get()).map(p -> new Progress(p.state(), p.startedAt(), p.finishedAt(),
                p.queuedFromJira(), p.queuedFromServiceNow(), p.queued(), p.processed(), inbox.pendingCount(),
                links.count(), p.error()));
    }

    private void run() {
        Progress p = progress.get();
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "backfill-read");
            t.setDaemon(true);
            return t;
        });
        try {
            log.info("Backfill started: queuing every action item in scope on {}", names());
            // Reading pages of items and syncing them overlap: the first items are synced while later pages are read.
            // A copy created meanwhile may be read too; it is queued like the echo of any write, and skipped.
            Future<Map<ExternalSystem, Integer>> queuing = reader.submit(() -> {
                Map<ExternalSystem, Integer> queued = new LinkedHashMap<>();
                for (ChangeSource source : sources) {
                    queued.merge(source.system(), source.pollAll(), Integer::sum);
                }
                return queued;
            });
            int processed = 0;
            while (!queuing.isDone()) {
                int batch = worker.drain(DRAIN_BATCH);
                if (batch == 0) {
                    Thread.sleep(50);
                    continue;
                }
                processed += batch;
                p = update(p, "running", null, Map.of(), processed, null);
                logProgress(processed);
            }
            Map<ExternalSystem, Integer> queued = queuing.get();
            p = update(p, "running", null, queued, processed, null);
            int batch;
            while ((batch = worker.drain(DRAIN_BATCH)) > 0) {
                processed += batch;
                p = update(p, "running", null, queued, processed, null);
                logProgress(processed);
            }
            Progress done = update(p, "done", clock.instant(), queued, processed, null);
            log.info("Backfill done: {} queued, {} processed, {} link(s)", done.queued(), processed, links.count());
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
        progress.set(new Progress("failed", p.startedAt(), clock.instant(), p.queuedFromJira(), p.queuedFromServiceNow(),
                p.queued(), p.processed(), inbox.pendingCount(), links.count(), e.getMessage()));
        log.warn("Backfill stopped: {}", e.getMessage());
    }

    private Progress update(Progress p, String state, Instant finished, Map<ExternalSystem, Integer> queued,
            int processed, String error) {
        Map<String, Integer> byName = new LinkedHashMap<>();
        queued.forEach((system, count) -> byName.put(system.name().toLowerCase(Locale.ROOT), count));
        Progress next = new Progress(state, p.startedAt(), finished, queued.getOrDefault(ExternalSystem.JIRA, 0),
                queued.getOrDefault(ExternalSystem.SERVICENOW, 0), byName, processed, inbox.pendingCount(),
                links.count(), error);
        progress.set(next);
        return next;
    }

    private List<String> names() {
        return sources.stream().map(ChangeSource::name).toList();
    }
}
