package io.retrobridge.jira;

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
public class JiraPoller extends WatermarkPoller {

    public static final String WATERMARK = "jira-action-items";
    private static final Logger log = LoggerFactory.getLogger(JiraPoller.class);
    private static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final int PAGE = 100;
    private static final Polling POLLING = new Polling(WATERMARK, ExternalSystem.JIRA, OVERLAP, PolledIssues.KIND,
            "Jira poll: {} changed action item(s) queued ({} read)");

    private final UpdatedIssuesReader reader;
    private final List<SideGateway> sides;
    private final LinkStore links;
    private final CurrentMappings mappings;

    public JiraPoller(JiraClient jira, List<SideGateway> sides, LinkStore links, CurrentMappings mappings,
            EventInbox inbox, WatermarkStore watermarks, ReceivedEvents received, Optional<Clock> clock) {
        super(POLLING, inbox, watermarks, received, clock);
        this.reader = new UpdatedIssuesReader(jira, PAGE);
        this.sides = List.copyOf(sides);
        this.links = links;
        this.mappings = mappings;
    }

    /** Every action item of the mapping's scope: its projects, issue type, label and extra JQL, values escaped. */
    public static Jql scopeQuery(Scopes.Jira scope) {
        return Jql.query().in("project", scope.projects()).eq("issuetype", scope.issueType())
                .eq("labels", scope.label()).fragment(scope.jql());
    }

    @Override
    protected boolean read(PollRound round) {
        ActionItemMapping mapping = mappings.actionItems();
        Scopes.Jira scope = mapping.jiraScope();
        String scopeText = scopeQuery(scope).build();
        Set<String> fields = new LinkedHashSet<>(JiraSide.fieldsToRead(mapping));
        fields.add(PolledIssues.COMMENT);
        Optional<SideGateway> counterpart = PageLookups.counterpartOf(ExternalSystem.JIRA, sides);
        // Never by offset: an issue edited while the poll pages would otherwise make it skip another.
        reader.readPages(() -> scopeQuery(scope), round.since(), fields, page -> {
            Instant polledAt = clock().instant();
            Set<String> fresh = new LinkedHashSet<>();
            for (JiraIssue issue : page) {
                if (round.isNew(PolledIssues.KIND, issue.id(), version(issue))) {
                    fresh.add(issue.id());
                }
            }
            Set<String> unlinked = new LinkedHashSet<>(PageLookups.unlinked(ExternalSystem.JIRA, fresh, links));
            Map<String, CounterpartLookup> lookups = counterpart.map(other -> PageLookups.counterparts(
                    ExternalSystem.JIRA, unlinked, other, mapping, clock())).orElse(Map.of());
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
        return true;
    }

    private static String version(JiraIssue issue) {
        return String.valueOf(issue.updated().toEpochMilli());
    }
}
