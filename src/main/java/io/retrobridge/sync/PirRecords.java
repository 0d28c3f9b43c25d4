package io.retrobridge.sync;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.PirSummary;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import java.util.Optional;

/**
 * Writes a PIR summary where reviewers of one system read it: on the change request in ServiceNow, on the change's
 * Jira issue. A system's adapter registers one; the PIR collection calls every one registered.
 */
public interface PirRecords {

    ExternalSystem system();

    /**
     * Writes the summary onto the change's record as the mapping's destinations say: the note or comment is written
     * once and afterwards updated in place where the system allows it (never a second one), fields are set, an
     * appendix is replaced rather than added again.
     *
     * @param previousNote the note or comment an earlier collection wrote, as this method answered then
     * @return the note or comment to update next time; empty when none is kept
     */
    Optional<String> write(ChangeRecord change, PirSummary summary, PirMetricsMapping mapping,
                           Optional<String> previousNote);
}
