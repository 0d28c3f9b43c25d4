package io.retrobridge.servicenow;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.Watermark;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.Scopes;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds action items changed in ServiceNow since the stored watermark minus an overlap (sys_updated_on has
 * second precision and transactions commit late), ordered by update time, one inbox event per version
 * (sys_mod_count), so a version seen twice is stored once.
 */
@Component("serviceNowPoller")
public class ServiceNowPoller {

    public static final String WATERMARK = "servicenow-action-items";
    private static final Logger log = LoggerFactory.getLogger(ServiceNowPoller.class);
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int PAGE = 200;

    private final ServiceNowClient servicenow;
    private final CurrentMappings mappings;
    private final EventInbox inbox;
    private final WatermarkStore watermarks;
    private final Clock clock;

    public ServiceNowPoller(ServiceNowClient servicenow, CurrentMappings mappings, EventInbox inbox,
            WatermarkStore watermarks, Optional<Clock> clock) {
        this.servicenow = servicenow;
        this.mappings = mappings;
        this.inbox = inbox;
        this.watermarks = watermarks;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public int poll() {
        Instant since = watermarks.find(WATERMARK).map(w -> w.at().minus(OVERLAP)).orElse(Instant.EPOCH);
        return pollSince(since);
    }

    public int pollAll() {
        return pollSince(Instant.EPOCH);
    }

    private int pollSince(Instant since) {
        Scopes.ServiceNow scope = mappings.actionItems().serviceNowScope();
        Instant newest = since;
        Set<String> idsAtNewest = new HashSet<>();
        int queued = 0;
        int seen = 0;
        // Paged by the last sys_updated_on read, not by offset: an edit during the poll moves a record
        // to the end of the ordering, and offset paging would then skip an unread one.
        for (ServiceNowRecord record : servicenow.allUpdatedSince(scope.table(), scope.query(), since,
                List.of("sys_id"), PAGE)) {
            seen++;
            String dedup = "servicenow:poll:" + scope.table() + ":" + record.sysId() + ":" + record.modCount();
            if (inbox.accept(InboundEvent.received(ExternalSystem.SERVICENOW, "servicenow:poll", record.sysId(),
                    dedup, clock.instant(), ""))) {
                queued++;
            }
            if (record.updatedOn().isAfter(newest)) {
                newest = record.updatedOn();
                idsAtNewest.clear();
            }
            idsAtNewest.add(record.sysId());
        }
        if (newest.isAfter(since)) {
            watermarks.save(new Watermark(WATERMARK, newest, idsAtNewest));
        }
        if (queued > 0) {
            log.info("ServiceNow poll: {} changed action item(s) queued ({} read)", queued, seen);
        }
        return queued;
    }
}
