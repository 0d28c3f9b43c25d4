package io.retrobridge.sync;

import io.retrobridge.domain.Deployment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every deployment run reported by a pipeline, one row per source and run id. */
public interface DeploymentStore {

    /** What recording a report did. */
    record Recorded(Deployment deployment, boolean changed) {
    }

    /**
     * Merges a report into what is known of its run (source and run id): a report that says less (a start arriving
     * after the end) fills gaps and never undoes an end; an identical report changes nothing.
     *
     * @return the run as now stored, and whether this report changed it
     */
    Recorded record(Deployment report);

    Optional<Deployment> find(String source, String runId);

    /** The runs of an application to an environment that moved in [from, to), newest first. */
    List<Deployment> between(String application, String environment, Instant from, Instant to);

    /** The runs that carried out a change, oldest first. */
    List<Deployment> forChange(String changeNumber);

    /** The newest successful runs of an application to an environment before {@code before}, newest first. */
    List<Deployment> successfulBefore(String application, String environment, Instant before, int limit);
}
