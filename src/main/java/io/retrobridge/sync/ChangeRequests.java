package io.retrobridge.sync;

import io.retrobridge.domain.ChangeRecord;
import java.util.Optional;

/** Reads change requests from the system that owns them (ServiceNow), fresh, whatever a notice said. */
public interface ChangeRequests {

    /** The change as it is now; empty when it cannot be read (deleted, or hidden from the integration account). */
    Optional<ChangeRecord> read(String sysId);

    /** Whether the change is within {@code scopeQuery} (an encoded query; blank for every change). */
    boolean inScope(String sysId, String scopeQuery);
}
