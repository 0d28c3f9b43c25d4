package io.retrobridge.flow.inbox;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.ChangeSource;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The work of one backfill run: queues every item of every registered change source, whatever the watermarks say,
 * and works the inbox down, writing progress to the run as it goes. Items already linked are compared and skipped,
 * items created by an earlier run (or by an instance that died mid-run) are found by correlation id and linked, never
 * duplicated; so a run taken over is simply read again from the start.
 */
@Component
class BackfillReading {

    private static final Logger log = LoggerFactory.getLogger(BackfillReading.class);
    /** Events worked per drain call; progress is written and logged after each. */
    private static final int DRAIN_BATCH = 500;

    private final List<ChangeSource> sources;
    private final InboxWorker worker;
    private final EventInbox inbox;
    private final LinkStore links;

    BackfillReading(List<ChangeSource> sources, InboxWorker worker, EventInbox inbox, LinkStore links) {
        this.sources = List.copyOf(sources);
        this.worker = worker;
        this.inbox = inbox;
        this.links = links;
    }

    /** Runs the held run to its end, unless it is taken over meanwhile: then it stops and records nothing more. */
    void read(HeldBackfill held) {
        long id = held.run().id();
        long processed = held.run().processed();
        boolean ended = false;
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "backfill-read");
            t.setDaemon(true);
            return t;
        });
        try {
            log.info("Backfill run {} started{}: queuing every action item in scope on {}", id,
                    held.run().restarts() > 0 ? " again (restart " + held.run().restarts() + ")" : "", names());
            // Reading pages of items and syncing them overlap: the first items are synced while later pages are read.
            // A copy created meanwhile may be read too; it is queued like the echo of any write, and skipped.
            Future<Map<String, Integer>> queuing = reader.submit(this::queueEverything);
            while (!queuing.isDone()) {
                if (held.stopped()) {
                    return;
                }
                int batch = worker.drain(DRAIN_BATCH);
                if (batch == 0) {
                    Thread.sleep(50);
                    continue;
                }
                processed += batch;
                if (!held.progress(processed)) {
                    return;
                }
                logProgress(id, processed);
            }
            Map<String, Integer> queued = queuing.get();
            if (!held.queued(queued, processed)) {
                return;
            }
            int batch;
            while ((batch = worker.drain(DRAIN_BATCH)) > 0) {
                processed += batch;
                if (!held.progress(processed)) {
                    return;
                }
                logProgress(id, processed);
            }
            ended = held.finish(processed, null);
            if (ended) {
                log.info("Backfill run {} done: {} queued, {} processed, {} link(s)", id, queued, processed,
                        links.count());
            }
        } catch (ExecutionException e) {
            ended = fail(held, processed, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = fail(held, processed, e);
        } catch (RuntimeException e) {
            ended = fail(held, processed, e);
        } finally {
            reader.shutdownNow();
            if (held.stopped() && !ended) {
                log.info("Backfill run {} stopped on this instance after {} event(s) processed; it is another"
                        + " instance's (or the next runner's) now", id, processed);
            }
        }
    }

    private Map<String, Integer> queueEverything() {
        Map<ExternalSystem, Integer> bySystem = new LinkedHashMap<>();
        for (ChangeSource source : sources) {
            bySystem.merge(source.system(), source.pollAll(), Integer::sum);
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        bySystem.forEach((system, count) -> byName.put(system.name().toLowerCase(Locale.ROOT), count));
        return byName;
    }

    private void logProgress(long id, long processed) {
        log.info("Backfill run {}: {} event(s) processed, {} waiting, {} link(s)", id, processed, inbox.pendingCount(),
                links.count());
    }

    // A run taken over or let go meanwhile records nothing: its new holder decides how it ends. True when recorded.
    private static boolean fail(HeldBackfill held, long processed, Throwable e) {
        if (held.stopped()) {
            return false;
        }
        String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        try {
            if (held.finish(processed, error)) {
                log.warn("Backfill run {} stopped: {}", held.run().id(), error);
                return true;
            }
            return false;
        } catch (RuntimeException notRecorded) {
            // The database is out of reach: the run stays running, and is taken over once its heartbeat is stale.
            log.warn("Backfill run {} stopped ({}), and the failure could not be recorded: {}", held.run().id(), error,
                    notRecorded.toString());
            return true;
        }
    }

    private List<String> names() {
        return sources.stream().map(ChangeSource::name).toList();
    }
}
