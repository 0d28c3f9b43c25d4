package io.retrobridge.retro;

import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;

/**
 * A create of a retrospective's record whose answer was lost may have landed, but the look-up by its marker was made
 * too soon after the attempt to prove anything (Jira's search lags behind new issues). Nothing is created meanwhile:
 * the event is parked with this reason, and replaying it once the time has passed settles the create.
 */
public class RetrospectiveCreateNotSettledException extends RuntimeException {

    public RetrospectiveCreateNotSettledException(ExternalSystem system, String marker, long intentId,
                                                  Instant conclusiveFrom) {
        super("the create on " + system + " announced in journal entry " + intentId + " (marker " + marker
                + ") may have landed although its answer was lost; a look-up finds nothing yet, which proves nothing "
                + "before " + conclusiveFrom + " (retrobridge.jira.search-settle-time): not creating again; replay "
                + "this event after that time to settle it");
    }
}
