package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;

/**
 * Which dead letters a bulk replay takes: each part may be null, meaning any.
 *
 * @param system       the system the parked event came from
 * @param errorKind    the kind of failure that parked it (e.g. {@code rate_limited})
 * @param parkedFrom   parked at or after this instant
 * @param parkedBefore parked before this instant
 */
public record DeadLetterFilter(ExternalSystem system, String errorKind, Instant parkedFrom, Instant parkedBefore) {

    public DeadLetterFilter {
        if (parkedFrom != null && parkedBefore != null && !parkedFrom.isBefore(parkedBefore)) {
            throw new IllegalArgumentException("the time range is empty: from " + parkedFrom + " is not before "
                    + parkedBefore);
        }
    }
}
