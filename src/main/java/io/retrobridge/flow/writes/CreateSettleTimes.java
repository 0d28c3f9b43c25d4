package io.retrobridge.flow.writes;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.WriteIntent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * When a look-up by marker that finds nothing proves that a create whose answer was lost did not happen. Jira Cloud's
 * search is not immediately consistent (its API documentation says recent updates might not be visible yet), so it
 * proves it only once the search was made {@code retrobridge.jira.search-settle-time} after the attempt. ServiceNow's
 * Table API query by correlation_id reads the table itself and is consistent: a miss proves it at once.
 */
@Component
public class CreateSettleTimes {

    private final Map<ExternalSystem, Duration> settleTimes = new HashMap<>();

    CreateSettleTimes(List<SideGateway> sides) {
        sides.forEach(side -> settleTimes.put(side.system(), side.lookupSettleTime()));
    }

    Duration of(ExternalSystem system) {
        return settleTimes.getOrDefault(system, Duration.ZERO);
    }

    /** The first moment a look-up that misses the record of {@code create} is believed. */
    public Instant conclusiveFrom(WriteIntent create) {
        return create.attemptedAt().plus(of(create.target()));
    }

    /** Whether a look-up made at {@code lookedAt} that found nothing shows the create did not happen. */
    public boolean conclusive(WriteIntent create, Instant lookedAt) {
        return !lookedAt.isBefore(conclusiveFrom(create));
    }
}
