package io.retrobridge.flow.inbox;

import io.retrobridge.sync.BackfillRun;
import io.retrobridge.sync.BackfillRuns;
import io.retrobridge.sync.LeaderTerm;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Runs stored backfills ({@code routes/backfill-runner.yaml} calls {@link #tick()} every
 * {@code retrobridge.sync.backfill.runner-interval}). While this instance holds a run, each tick says it is alive;
 * otherwise the tick takes the open run if it waits to be taken, or if its instance has been silent longer than
 * {@code retrobridge.sync.backfill.stale-after} (it died), and reads it on a thread of its own. One run at a time.
 *
 * <p>Because the heartbeat comes from the route, an instance whose route is stopped (it is no longer the elected
 * one) stops heartbeating and its run is taken over; its later writes are refused by the claim token.
 */
@Component("backfillRunner")
public class BackfillRunner {

    private static final Logger log = LoggerFactory.getLogger(BackfillRunner.class);

    private final BackfillRuns runs;
    private final BackfillReading reading;
    private final Duration staleAfter;
    private final String instanceId;
    private final AtomicReference<HeldBackfill> holding = new AtomicReference<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "backfill");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopped;

    BackfillRunner(BackfillRuns runs, BackfillReading reading, BackfillProperties settings,
                   ObjectProvider<LeaderTerm> leadership) {
        this.runs = runs;
        this.reading = reading;
        this.staleAfter = settings.staleAfter();
        // The name health and singleton_runs give this instance when several elect a leader; else process and host.
        this.instanceId = Optional.ofNullable(leadership.getIfAvailable()).map(LeaderTerm::instanceId)
                .orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
    }

    /** How this instance is named in the runs it takes: its cluster instance id, else process id and host. */
    public String instanceId() {
        return instanceId;
    }

    /** Heartbeats the run in hand, or takes one if there is one to take. */
    public void tick() {
        if (stopped) {
            return;
        }
        try {
            HeldBackfill held = holding.get();
            if (held != null) {
                held.heartbeat();
                return;
            }
            runs.take(instanceId, staleAfter).ifPresent(this::start);
        } catch (DataAccessException e) {
            log.warn("Backfill runner could not reach the database this round, trying again next round: {}",
                    e.getMostSpecificCause().toString());
        }
    }

    private void start(BackfillRun run) {
        if (run.restarts() > 0) {
            log.info("Backfill run {} taken over by {} (restart {}): its instance stopped saying it is alive for"
                    + " longer than {}", run.id(), instanceId, run.restarts(), staleAfter);
        }
        HeldBackfill held = new HeldBackfill(run, runs);
        holding.set(held);
        runner.execute(() -> {
            try {
                reading.read(held);
            } finally {
                holding.compareAndSet(held, null);
            }
        });
    }

    /** An orderly stop lets the run in hand go, so the next runner takes it over at once instead of after stale-after. */
    @PreDestroy
    public void stop() {
        stopped = true;
        HeldBackfill held = holding.get();
        if (held != null) {
            try {
                held.letGo();
            } catch (DataAccessException e) {
                log.warn("Backfill run {} could not be let go ({}); it is taken over once stale",
                        held.run().id(), e.getMostSpecificCause().toString());
            }
        }
        runner.shutdownNow();
    }
}
