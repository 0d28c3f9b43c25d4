package io.retrobridge.servicenow;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.PollRound;
import io.retrobridge.sync.ReceivedEvents;
import io.retrobridge.sync.WatermarkPoller;
import io.retrobridge.sync.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Finds change requests in the mapping's scope changed since the stored watermark minus an overlap, as
 * {@link ServiceNowPoller} finds action items: one inbox event per version (sys_mod_count), so a version seen twice,
 * or told by the business-rule webhook too, is mirrored once. Polls nothing while there is no change-records.yaml.
 */
@Order(3)
@Component("changeRequestPoller")
public class ChangeRequestPoller extends WatermarkPoller {

    public static final String WATERMARK = "servicenow-change-records";
    /** The kind of a version a poll read; the webhook's are {@code servicenow:change_request:<operation>}. */
    public static final String KIND = "servicenow:" + ServiceNowChangeRequests.TABLE + ":poll";
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int PAGE = 200;
    private static final Polling POLLING = new Polling(WATERMARK, ExternalSystem.SERVICENOW, OVERLAP, KIND,
            "ServiceNow poll: {} changed change request(s) queued ({} read)");

    private final ServiceNowClient servicenow;
    private final CurrentMappings mappings;

    public ChangeRequestPoller(ServiceNowClient servicenow, CurrentMappings mappings, EventInbox inbox,
            WatermarkStore watermarks, ReceivedEvents received, Optional<Clock> clock) {
        super(POLLING, inbox, watermarks, received, clock);
        this.servicenow = servicenow;
        this.mappings = mappings;
    }

    /** Apart from the action-item poller's, so each has its own watermark gauge. */
    @Override
    public String name() {
        return WATERMARK;
    }

    @Override
    protected boolean read(PollRound round) {
        Optional<ChangeRecordsMapping> mapping = mappings.changeRecords();
        if (mapping.isEmpty()) {
            return false;
        }
        for (ServiceNowRecord record : servicenow.allUpdatedSince(ServiceNowChangeRequests.TABLE, mapping.get().query(),
                round.since(), ServiceNowChangeRequests.FIELDS, PAGE)) {
            round.offer(KIND, record.sysId(), ServiceNowChangeRequests.TABLE + ":" + record.modCount(),
                    record.updatedOn());
        }
        return true;
    }
}
