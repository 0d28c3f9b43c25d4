package io.retrobridge.servicenow;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.Scopes;
import io.retrobridge.sync.CounterpartLookup;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.PageLookups;
import io.retrobridge.sync.PollRound;
import io.retrobridge.sync.ReceivedEvents;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.WatermarkPoller;
import io.retrobridge.sync.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Finds action items changed in ServiceNow since the stored watermark minus an overlap (sys_updated_on has
 * second precision and transactions commit late), ordered by update time, one inbox event per version
 * (sys_mod_count), so a version seen twice is stored once.
 *
 * <p>Pages ask for every field the mapping reads. For the new versions of records not linked yet, each page
 * reads their journals in one query and looks up their copies on the other side in one question, and each event
 * carries what was read ({@link PolledRecords}), so a record new to the connector is synced without another read.
 */
// A backfill reads ServiceNow before Jira (the order of the registered change sources), the order its
// throughput was measured in.
@Order(1)
@Component("serviceNowPoller")
public class ServiceNowPoller extends WatermarkPoller {

    public static final String WATERMARK = "servicenow-action-items";
    private static final Logger log = LoggerFactory.getLogger(ServiceNowPoller.class);
    private static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int PAGE = 200;
    private static final Polling POLLING = new Polling(WATERMARK, ExternalSystem.SERVICENOW, OVERLAP,
            PolledRecords.KIND, "ServiceNow poll: {} changed action item(s) queued ({} read)");

    private final ServiceNowClient servicenow;
    private final List<SideGateway> sides;
    private final LinkStore links;
    private final CurrentMappings mappings;

    public ServiceNowPoller(ServiceNowClient servicenow, List<SideGateway> sides, LinkStore links,
            CurrentMappings mappings, EventInbox inbox, WatermarkStore watermarks, ReceivedEvents received,
            Optional<Clock> clock) {
        super(POLLING, inbox, watermarks, received, clock);
        this.servicenow = servicenow;
        this.sides = List.copyOf(sides);
        this.links = links;
        this.mappings = mappings;
    }

    @Override
    protected boolean read(PollRound round) {
        ActionItemMapping mapping = mappings.actionItems();
        Scopes.ServiceNow scope = mapping.serviceNowScope();
        // Paged by the last sys_updated_on read, not by offset: an edit during the poll moves a record
        // to the end of the ordering, and offset paging would then skip an unread one.
        List<ServiceNowRecord> all = servicenow.allUpdatedSince(scope.table(), scope.query(), round.since(),
                ServiceNowSide.fieldsToRead(mapping), PAGE);
        for (int from = 0; from < all.size(); from += PAGE) {
            List<ServiceNowRecord> page = all.subList(from, Math.min(all.size(), from + PAGE));
            Carried carried = carried(round, page, mapping);
            for (ServiceNowRecord record : page) {
                String payload = carried.unlinked().contains(record.sysId())
                        ? PolledRecords.payload(record, Optional.ofNullable(carried.journals().get(record.sysId())),
                                ServiceNowSide.scopeOf(mapping), carried.polledAt(),
                                Optional.ofNullable(carried.lookups().get(record.sysId())))
                        : "";
                round.offer(PolledRecords.KIND, record.sysId(), version(scope, record), record.updatedOn(), payload);
            }
        }
        return true;
    }

    /** What one page carries for its new versions of unlinked records: their journals and their copies' look-up. */
    private record Carried(Instant polledAt, Set<String> unlinked, Map<String, List<JournalLine>> journals,
            Map<String, CounterpartLookup> lookups) {
        static final Carried NOTHING = new Carried(Instant.EPOCH, Set.of(), Map.of(), Map.of());
    }

    private Carried carried(PollRound round, List<ServiceNowRecord> page, ActionItemMapping mapping) {
        Instant polledAt = clock().instant();
        List<String> fresh = new ArrayList<>();
        for (ServiceNowRecord record : page) {
            if (round.isNew(PolledRecords.KIND, record.sysId(), version(mapping.serviceNowScope(), record))) {
                fresh.add(record.sysId());
            }
        }
        List<String> unlinked = PageLookups.unlinked(ExternalSystem.SERVICENOW, fresh, links);
        if (unlinked.isEmpty()) {
            return Carried.NOTHING;
        }
        Map<String, List<JournalLine>> journals;
        try {
            journals = servicenow.journals(unlinked);
        } catch (RuntimeException e) {
            // Only saves requests: without it each new record's sync reads its own journal.
            log.warn("ServiceNow poll: could not read the journals of {} new record(s) in one query; each is read "
                    + "when it is synced: {}", unlinked.size(), e.toString());
            journals = Map.of();
        }
        Map<String, CounterpartLookup> lookups = PageLookups.counterpartOf(ExternalSystem.SERVICENOW, sides)
                .map(other -> PageLookups.counterparts(ExternalSystem.SERVICENOW, unlinked, other, mapping, clock()))
                .orElse(Map.of());
        return new Carried(polledAt, new HashSet<>(unlinked), journals, lookups);
    }

    private static String version(Scopes.ServiceNow scope, ServiceNowRecord record) {
        return scope.table() + ":" + record.modCount();
    }
}
