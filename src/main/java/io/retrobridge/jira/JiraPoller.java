package io.retrobridge.jira;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.Scopes;
import io.retrobridge.sync.ChangeSource;
import io.retrobridge.sync.CounterpartLookup;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.PageLookups;
import io.retrobridge.sync.PollRound;
import io.retrobridge.sync.ReceivedEvents;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.WatermarkStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Finds action items changed in Jira since the stored watermark, minus an overlap (JQL has minute
 * precision and Jira indexes asynchronously), and puts one inbox event per changed version. The inbox
 * drops versions it has seen, so the overlap costs nothing but a query.
 *
 * <p>Each page asks for every field the mapping reads and the comments, and each new version's event carries the
 * issue as read ({@link PolledIssues}); for the page's issues not linked yet, the copies on the other side are
 * looked up in one question. So an issue new to the connector is synced without another read.
 */
// After ServiceNow in a backfill, the order its throughput was measured in (see ServiceNowPoller).
@Order(2)
@Component("jiraPoller")
public class JiraPoller implements ChangeSource {

    public static final String WATERMARK = "jira-action-items";
    private static final Logger log = LoggerFactory.getLogger(JiraPoller.class);
    private static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final int PAGE = 100;

    private final UpdatedIssuesReader reader;
    private final List<SideGateway> sides;
    private final LinkStore links;
    private final CurrentMappings mappings;
    private final EventInbox inbox;
    private final WatermarkStore watermarks;
    private final ReceivedEvents received;
    private final Clock clock;

    public JiraPoller(JiraClient jira, List<SideGateway> sides, LinkStore links, CurrentMappings mappings,
            EventInbox inbox, WatermarkStore watermarks, ReceivedEvents received, Optional<Clock> clock) {
        this.reader = new UpdatedIssuesReader(jira, PAGE);
        this.sides = List.copyOf(sides);
        this.links = links;
        this.mappings = mappings;
        this.inbox = inbox;
        this.watermarks = watermarks;
        this.received = received;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Override
    public ExternalSystem system() {
        return ExternalSystem.JIRA;
    }

    @Override
    public String watermark() {
        return WATERMARK;
    }

    /** One poll from the watermark; returns how many new versions were queued. */
    @Override
    public int poll() {
        return poll(PollRound.fromWatermark(WATERMARK, ExternalSystem.JIRA, OVERLAP, watermarks, inbox, clock));
    }

    /** Everything in scope, whatever the watermark says: the backfill. */
    @Override
    public int pollAll() {
        return poll(PollRound.everything(WATERMARK, ExternalSystem.JIRA, inbox, clock));
    }

    /** Every action item of the mapping's scope: its projects, issue type, label and extra JQL, values escaped. */
    public static Jql scopeQuery(Scopes.Jira scope) {
        return Jql.query().in("project", scope.projects()).eq("issuetype", scope.issueType())
                .eq("labels", scope.label()).fragment(scope.jql());
    }

    private int poll(PollRound round) {
        ActionItemMapping mapping = mappings.actionItems();
        Scopes.Jira scope = mapping.jiraScope();
        String scopeText = scopeQuery(scope).build();
        Set<String> fields = new LinkedHashSet<>(JiraSide.fieldsToRead(mapping));
        fields.add(PolledIssues.COMMENT);
        Optional<SideGateway> counterpart = PageLookups.counterpartOf(ExternalSystem.JIRA, sides);
        // Never by offset: an issue edited while the poll pages would otherwise make it skip another.
        reader.readPages(() -> scopeQuery(scope), round.since(), fields, page -> {
            Instant polledAt = clock.instant();
            Set<String> fresh = new LinkedHashSet<>();
            for (JiraIssue issue : page) {
                if (round.isNew(PolledIssues.KIND, issue.id(), version(issue))) {
                    fresh.add(issue.id());
                }
            }
            Set<String> unlinked = new LinkedHashSet<>(PageLookups.unlinked(ExternalSystem.JIRA, fresh, links));
            Map<String, CounterpartLookup> lookups = counterpart.map(other -> PageLookups.counterparts(
                    ExternalSystem.JIRA, unlinked, other, mapping, clock)).orElse(Map.of());
            for (JiraIssue issue : page) {
                // Only a record new to the connector is synced from what the page read; a linked one is read again.
                String payload = unlinked.contains(issue.id())
                        ? PolledIssues.payload(issue, scopeText, polledAt, Optional.ofNullable(lookups.get(issue.id())))
                        : "";
                round.offer(PolledIssues.KIND, issue.id(), version(issue), issue.updated(), payload);
                if (round.seen() % 1000 == 0) {
                    log.info("Jira poll: {} issues read, {} queued so far", round.seen(), round.queued());
                }
            }
        });
        int queued = round.finish(watermarks);
        round.countInto(received, PolledIssues.KIND);
        if (queued > 0) {
            log.info("Jira poll: {} changed action item(s) queued ({} read)", queued, round.seen());
        }
        return queued;
    }

    private static String version(JiraIssue issue) {
        return String.valueOf(issue.updated().toEpochMilli());
    }
}
