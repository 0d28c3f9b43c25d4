package io.retrobridge.servicenow;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.sync.ChangeSource;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.PollRound;
import io.retrobridge.sync.ReceivedEvents;
import io.retrobridge.sync.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Finds change requests in the mapping's scope changed since the stored watermark minus an overlap, as
 * {@link ServiceNowPoller} finds action items: one inbox event per version (sys_mod_count), so a version seen twice,
 * or told by the business-rule webhook too, is mirrored once. Polls nothing while there is no change-records.yaml.
 */
@Order(3)
@Component("changeRequestPoller")
public class ChangeRequestPoller implements ChangeSource {

    public static final String WATERMARK = "servicenow-change-records";
    /** The kind of a version a poll read; the webhook's are {@code servicenow:change_request:<operation>}. */
    public static final String KIND = "servicenow:" + ServiceNowChangeRequests.TABLE + ":poll";
    private static final Logger log = LoggerFactory.getLogger(ChangeRequestPoller.class);
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int PAGE = 200;

    private final ServiceNowClient servicenow;
    private final CurrentMappings mappings;
    private final EventInbox inbox;
    private final WatermarkStore watermarks;
    private final ReceivedEvents received;
    private final Clock clock;

    public ChangeRequestPoller(ServiceNowClient servicenow, CurrentMappings mappings, EventInbox inbox,
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

    /** Apart from the action-item poller's, so each has its own watermark gauge. */
    @Override
    public String name() {
        return WATERMARK;
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
        Optional<ChangeRecordsMapping> mapping = mappings.changeRecords();
        if (mapping.isEmpty()) {
            return 0;
        }
        for (ServiceNowRecord record : servicenow.allUpdatedSince(ServiceNowChangeRequests.TABLE, mapping.get().query(),
                round.since(), ServiceNowChangeRequests.FIELDS, PAGE)) {
            round.offer(KIND, record.sysId(), ServiceNowChangeRequests.TABLE + ":" + record.modCount(),
                    record.updatedOn());
        }
        int queued = round.finish(watermarks);
        round.countInto(received, KIND);
        if (queued > 0) {
            log.info("ServiceNow poll: {} changed change request(s) queued ({} read)", queued, round.seen());
        }
        return queued;
    }
}
