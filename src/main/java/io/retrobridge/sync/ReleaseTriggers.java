package io.retrobridge.sync;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.Deployment;
import java.util.Optional;

/**
 * Told of every release fact as it is recorded, so the inclusion criteria can decide whether it needs a
 * retrospective. Called inside the recording handler: an implementation only decides and queues (an inbox event
 * per retrospective to open), never writes to a remote system, and is safe to call again with the same fact.
 */
public interface ReleaseTriggers {

    /**
     * A deployment run as recorded (merged with earlier reports of the same run).
     *
     * @return what was decided, in words fit for the event's outcome, e.g. "no retrospective: ..."
     */
    String deploymentRecorded(Deployment deployment);

    /**
     * A change request as recorded.
     *
     * @param previous the version recorded before this one; empty for the first
     * @return what was decided, in words fit for the event's outcome
     */
    String changeRecorded(ChangeRecord change, Optional<ChangeRecord> previous);
}
