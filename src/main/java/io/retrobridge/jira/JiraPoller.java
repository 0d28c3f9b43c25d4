package io.retrobridge.jira;

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
 * Finds action items changed in Jira since the stored watermark, minus an overlap (JQL has minute
 * precision and Jira indexes asynchronously), and puts one inbox event per changed version. The inbox
 * drops versions it has seen, so the overlap costs nothing but a query.
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
    private final CurrentMappings mappings;
    private final EventInbox inbox;
    private final WatermarkStore watermarks;
    private final ReceivedEvents received;
    private final Clock clock;

    public JiraPoller(JiraClient jira, CurrentMappings mappings, EventInbox inbox, WatermarkStore watermarks,
            ReceivedEvents received, Optional<Clock> clock) {
        this.reader = new UpdatedIssuesReader(jira, PAGE);
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
        Scopes.Jira scope = mappings.actionItems().jiraScope();
        // Never by offset: an issue edited while the poll pages would otherwise make it skip another.
        reader.read(() -> scopeQuery(scope), round.since(), List.of("updated"), issue -> {
            round.offer("jira:poll", issue.id(), String.valueOf(issue.updated().toEpochMilli()), issue.updated());
            if (round.seen() % 1000 == 0) {
                log.info("Jira poll: {} issues read, {} queued so far", round.seen(), round.queued());
            }
        });
        int queued = round.finish(watermarks);
        round.countInto(received, "jira:poll");
        if (queued > 0) {
            log.info("Jira poll: {} changed action item(s) queued ({} read)", queued, round.seen());
        }
        return queued;
    }
}
