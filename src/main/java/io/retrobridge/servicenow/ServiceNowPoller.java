package io.retrobridge.servicenow;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.Scopes;
import io.retrobridge.sync.ChangeSource;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.PollRound;
import io.retrobridge.sync.ReceivedEvents;
import io.retrobridge.sync.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Finds action items changed in ServiceNow since the stored watermark minus an overlap (sys_updated_on has
 * second precision and transactions commit late), ordered by update time, one inbox event per version
 * (sys_mod_count), so a version seen twice is stored once.
 */
// A backfill reads ServiceNow before Jira (the order of the registered change sources), the order its
// throughput was measured in.
@Order(1)
@Component("serviceNowPoller")
public class ServiceNowPoller implements ChangeSource {

    public static final String WATERMARK = "servicenow-action-items";
    private static final Logger log = LoggerFactory.getLogger(ServiceNowPoller.class);
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int PAGE = 200;

    private final ServiceNowClient servicenow;
    private final CurrentMappings mappings;
    private final EventInbox inbox;
    private final WatermarkStore watermarks;
    private final ReceivedEvents received;
    private final Clock clock;

    public ServiceNowPoller(ServiceNowClient servicenow, CurrentMappings mappings, EventInbox inbox,
            WatermarkStore watermarks, ReceivedEvents received, Optional<Clock> clock) {
        this.servicenow = servicenow;
        this.mappings = mappings;
        this.inbox = inbox;
        this.watermarks = watermarks;
        this.received = received;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.SERVICENOW;
    }

    @Override
    public String watermark() {
        return WATERMARK;
    }

    @Override
    public int poll() {
        return poll(PollRound.fromWatermark(WATERMARK, ExternalSystem.SERVICENOW, OVERLAP, watermarks, inbox, clock));
    }

    @Override
    public int pollAll() {
        return poll(PollRound.everything(WATERMARK, ExternalSystem.SERVICENOW, inbox, clock));
    }

    private int poll(PollRound round) {
        Scopes.ServiceNow scope = mappings.actionItems().serviceNowScope();
        // Paged by the last sys_updated_on read, not by offset: an edit during the poll moves a record
        // to the end of the ordering, and offset paging would then skip an unread one.
        for (ServiceNowRecord record : servicenow.allUpdatedSince(scope.table(), scope.query(), round.since(),
                List.of("sys_id"), PAGE)) {
            round.offer("servicenow:poll", record.sysId(), scope.table() + ":" + record.modCount(), record.updatedOn());
        }
        int queued = round.finish(watermarks);
        round.countInto(received, "servicenow:poll");
        if (queued > 0) {
            log.info("ServiceNow poll: {} changed action item(s) queued ({} read)", queued, round.seen());
        }
        return queued;
    }
}
