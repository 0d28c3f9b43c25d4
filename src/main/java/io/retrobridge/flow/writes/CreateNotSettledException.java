package io.retrobridge.flow.writes;

import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;

/**
 * A create whose answer was lost is not settled yet: the look-up by its marker found nothing, but it was made too
 * soon after the attempt for the miss to prove anything (Jira's search catches up with new issues only after a
 * while). Nothing was written; the item waits and is tried again, it is never created a second time meanwhile.
 */
public class CreateNotSettledException extends RuntimeException {

    private final ExternalSystem system;
    private final Instant conclusiveFrom;

    public CreateNotSettledException(ExternalSystem system, String marker, long intentId, Instant conclusiveFrom) {
        super("the create on " + system + " announced in journal entry " + intentId + " (marker " + marker
                + ") may have landed although its answer was lost; a look-up finds nothing yet, which proves nothing "
                + "before " + conclusiveFrom + " (retrobridge.jira.search-settle-time): waiting, not creating again");
        this.system = system;
        this.conclusiveFrom = conclusiveFrom;
    }

    public ExternalSystem system() {
        return system;
    }

    /** When a look-up that still finds nothing will show the create did not happen. */
    public Instant conclusiveFrom() {
        return conclusiveFrom;
    }
}
