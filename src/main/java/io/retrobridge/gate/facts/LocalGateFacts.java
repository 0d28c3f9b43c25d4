package io.retrobridge.gate.facts;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.Scope;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.gate.FollowUp;
import io.retrobridge.gate.GateFacts;
import io.retrobridge.gate.GateFactsSource;
import io.retrobridge.gate.RetrospectiveFacts;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.RetrospectiveFollowUps;
import io.retrobridge.sync.RetrospectiveStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The gate's facts from the local store, in five reads whatever the number of items (more only for an application
 * with over {@value #IDS_PER_READ} items, read in parts of that many): the application's latest
 * retrospectives, their follow-ups (ServiceNow task sys_ids, as the refresh job last read them), the links of those
 * tasks with their snapshots, the tasks' unresolved escalations, and their display keys.
 *
 * <p>How each fact is judged:
 * <ul>
 *   <li>A retrospective whose follow-ups were never read is not known to have none:
 *       {@link GateFacts#notReady} until the refresh job has read it.</li>
 *   <li>A task no link holds yet (not synced, or outside the action-item mapping's scope) is left out: without a
 *       snapshot there is nothing to say about it, and waiting for it could hold a release forever.</li>
 *   <li>Status, title, due date and failure mode come from the link's snapshots (the newer side wins per field);
 *       the scope is what the action-item mapping's classification rules make of that content, as Jira's
 *       classification is made.</li>
 *   <li>{@code escalatedTo}: the board of the item's latest escalation still claimed or raised; escalation resolves
 *       its records once the item is done or its due date moves, so an unresolved one is escalation's own judgement
 *       (working days, holds) that the item is still overdue.</li>
 *   <li>{@code overdue}: open, and either such an unresolved escalation or a due date before today in the
 *       escalation calendar's zone (UTC when there is no escalation policy), as the follow-up report counts it.</li>
 *   <li>The Jira key is not held locally; an item is named by its ServiceNow number as the escalation scan last
 *       saw it.</li>
 * </ul>
 * A store that cannot be read gives {@link GateFacts#unavailable}, so the tier's {@code when-undecided} answers.
 */
@Component
public class LocalGateFacts implements GateFactsSource {

    /** How many of an application's latest retrospectives are read: more than any shipped rule looks back. */
    public static final int RETROSPECTIVES_READ = 20;
    /** Ids per read: well under what either database takes in one statement, and short plans on PostgreSQL. */
    public static final int IDS_PER_READ = 500;

    private final RetrospectiveStore retrospectives;
    private final RetrospectiveFollowUps followUps;
    private final LinkStore links;
    private final EscalationStore escalations;
    private final FollowUpStore followUpFacts;
    private final Function<ActionItem, Scope> scopeOf;
    private final Supplier<ZoneId> calendarZone;
    private final int retrospectivesRead;

    @Autowired
    public LocalGateFacts(RetrospectiveStore retrospectives, RetrospectiveFollowUps followUps, LinkStore links,
                          EscalationStore escalations, FollowUpStore followUpFacts, CurrentMappings mappings) {
        this(retrospectives, followUps, links, escalations, followUpFacts,
                item -> mappings.actionItems().classify(item, ExternalSystem.JIRA).scope(),
                () -> mappings.escalations().map(EscalationPolicy::calendar).map(WorkCalendar::zone)
                        .orElse(ZoneOffset.UTC),
                RETROSPECTIVES_READ);
    }

    /**
     * @param scopeOf            the scope the classification rules give an item
     * @param calendarZone       the zone in which a due date passes
     * @param retrospectivesRead how many of the latest retrospectives are read
     */
    public LocalGateFacts(RetrospectiveStore retrospectives, RetrospectiveFollowUps followUps, LinkStore links,
                          EscalationStore escalations, FollowUpStore followUpFacts,
                          Function<ActionItem, Scope> scopeOf, Supplier<ZoneId> calendarZone,
                          int retrospectivesRead) {
        if (retrospectivesRead < 1) {
            throw new IllegalArgumentException("retrospectivesRead must be 1 or more but was " + retrospectivesRead);
        }
        this.retrospectives = Objects.requireNonNull(retrospectives, "retrospectives");
        this.followUps = Objects.requireNonNull(followUps, "followUps");
        this.links = Objects.requireNonNull(links, "links");
        this.escalations = Objects.requireNonNull(escalations, "escalations");
        this.followUpFacts = Objects.requireNonNull(followUpFacts, "followUpFacts");
        this.scopeOf = Objects.requireNonNull(scopeOf, "scopeOf");
        this.calendarZone = Objects.requireNonNull(calendarZone, "calendarZone");
        this.retrospectivesRead = retrospectivesRead;
    }

    @Override
    public GateFacts factsFor(String application, Instant now) {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(now, "now");
        try {
            return gather(application, now);
        } catch (DataAccessException e) {
            return GateFacts.unavailable("the local store could not be read: " + e.getMostSpecificCause().getMessage());
        }
    }

    private GateFacts gather(String application, Instant now) {
        List<Retrospective> latest = retrospectives.list(application, null, 0, retrospectivesRead);
        if (latest.isEmpty()) {
            return GateFacts.gathered(List.of());
        }
        Map<UUID, List<String>> tasksByRetrospective = followUps.ofRetrospectives(
                latest.stream().map(Retrospective::id).toList());
        List<String> unread = latest.stream().filter(r -> !tasksByRetrospective.containsKey(r.id()))
                .map(Retrospective::key).toList();
        if (!unread.isEmpty()) {
            return GateFacts.notReady("follow-ups of " + String.join(", ", unread) + " not read yet");
        }
        Set<String> taskIds = new LinkedHashSet<>();
        tasksByRetrospective.values().forEach(taskIds::addAll);
        Map<String, Link> linksByTask = new HashMap<>();
        for (List<String> tasks : chunks(List.copyOf(taskIds))) {
            linksByTask.putAll(links.findByExternalIds(ExternalSystem.SERVICENOW, tasks));
        }
        List<String> itemKeys = linksByTask.values().stream().map(Link::correlationId).distinct().toList();
        Map<String, String> boards = new HashMap<>();
        Set<String> escalated = new LinkedHashSet<>();
        Map<String, String> displayKeys = new HashMap<>();
        // An item's records all come in its own chunk's read, so "oldest first" holds per item.
        for (List<String> keys : chunks(itemKeys)) {
            for (EscalationRecord record : escalations.unresolvedOf(keys)) {
                escalated.add(record.itemKey());
                if (record.boardId() != null) {
                    boards.put(record.itemKey(), record.boardId()); // oldest first, so the latest board stays
                }
            }
            for (FollowUpFact fact : followUpFacts.forItems(keys)) {
                if (fact.displayKey() != null && !fact.displayKey().isBlank()) {
                    displayKeys.put(fact.itemKey(), fact.displayKey());
                }
            }
        }
        LocalDate today = LocalDate.ofInstant(now, calendarZone.get());
        List<RetrospectiveFacts> facts = new ArrayList<>();
        for (Retrospective retrospective : latest) {
            List<FollowUp> items = new ArrayList<>();
            for (String taskId : tasksByRetrospective.get(retrospective.id())) {
                Link link = linksByTask.get(taskId);
                if (link == null) {
                    continue;
                }
                String number = displayKeys.get(link.correlationId());
                followUp(link, number, boards.get(link.correlationId()), escalated.contains(link.correlationId()),
                        today).ifPresent(items::add);
            }
            facts.add(new RetrospectiveFacts(retrospective.key(), retrospective.createdAt(),
                    retrospective.changeNumber(), retrospective.jiraKey(), retrospective.serviceNowNumber(), items));
        }
        return GateFacts.gathered(facts);
    }

    /** Lists of at most {@link #IDS_PER_READ}, so no IN list grows with an application's items. */
    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_READ) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_READ)));
        }
        return chunks;
    }

    private Optional<FollowUp> followUp(Link link, String serviceNowNumber, String board, boolean escalationOpen,
                                        LocalDate today) {
        String fallbackTitle = serviceNowNumber != null ? serviceNowNumber : link.correlationId();
        return SnapshotItem.of(link, fallbackTitle).map(item -> {
            boolean open = !item.status().isClosed();
            boolean pastDue = item.dueDate() != null && item.dueDate().isBefore(today);
            return new FollowUp(link.id().toString(), item.title(), null, serviceNowNumber, scopeOf.apply(item), open,
                    item.dueDate(), item.failureMode(), board, open && (escalationOpen || pastDue));
        });
    }
}
