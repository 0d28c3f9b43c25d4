package io.retrobridge.flow.inbox;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.BackfillRun;
import io.retrobridge.sync.BackfillRuns;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Links and syncs everything in scope that exists already. A backfill asked for on any instance is kept in the
 * database as a requested run; {@link BackfillRunner} on one instance takes it and does the reading, and another
 * instance takes it over when that one dies. Where it stands is read from the stored run, so every instance answers
 * the same.
 */
@Component
public class Backfill {

    /**
     * Where a backfill stands; {@code finishedAt} is null while it runs. {@code state} is {@code running} until the
     * run ends (also while it waits to be taken: {@code run.state} tells the two apart), then {@code done} or
     * {@code failed}. {@code queued} counts per source name, in the order they were read; the Jira and ServiceNow
     * counts are repeated in their own fields.
     */
    public record Progress(String state, Instant startedAt, Instant finishedAt, int queuedFromJira,
            int queuedFromServiceNow, Map<String, Integer> queued, long processed, long pending, long links,
            String error, Run run) {

        public Progress {
            queued = Collections.unmodifiableMap(new LinkedHashMap<>(queued));
        }
    }

    /**
     * The stored run behind the progress.
     *
     * @param state      requested (waiting for a runner), running, done or failed
     * @param instanceId the instance that runs it (or ran it last)
     * @param restarts   how often another instance took it over from one that stopped heartbeating
     */
    public record Run(long id, String state, Instant requestedAt, String requestedBy, String instanceId,
            Instant heartbeatAt, int restarts) {
    }

    private final BackfillRuns runs;
    private final EventInbox inbox;
    private final LinkStore links;

    public Backfill(BackfillRuns runs, EventInbox inbox, LinkStore links) {
        this.runs = runs;
        this.inbox = inbox;
        this.links = links;
    }

    /** Asks for a backfill unless one is requested or running already; returns its progress either way. */
    public Progress start(String requestedBy) {
        return progress(runs.request(requestedBy).run());
    }

    /** The newest backfill, open or ended. */
    public Optional<Progress> status() {
        return runs.latest().map(this::progress);
    }

    private Progress progress(BackfillRun run) {
        String state = run.open() ? BackfillRun.State.RUNNING.value() : run.state().value();
        return new Progress(state, run.startedAt(), run.finishedAt(), queuedBy(run, ExternalSystem.JIRA),
                queuedBy(run, ExternalSystem.SERVICENOW), run.queued(), run.processed(), inbox.pendingCount(),
                links.count(), run.error(), new Run(run.id(), run.state().value(), run.requestedAt(), run.requestedBy(),
                        run.instanceId(), run.heartbeatAt(), run.restarts()));
    }

    private static int queuedBy(BackfillRun run, ExternalSystem system) {
        return run.queued().getOrDefault(system.name().toLowerCase(Locale.ROOT), 0);
    }
}
