package io.retrobridge.flow.changes;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.flow.comments.CommentSync;
import io.retrobridge.flow.inbox.ClaimGuard;
import io.retrobridge.flow.writes.WriteAnnouncements;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.sync.ChangeIssues;
import io.retrobridge.sync.ChangeRecordStore;
import io.retrobridge.sync.ChangeRequests;
import io.retrobridge.sync.EventHandler;
import io.retrobridge.sync.HandledKind;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.ReleaseTriggers;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Mirrors a ServiceNow change request into Jira after any notice about it: a poll, the business-rule webhook, or a
 * settlement of a create whose answer was lost. The change is read fresh (a notice only says which change to look
 * at), stored with its state moves, and its mirror issue created once or brought up to date where it differs from
 * what was last written; then the release triggers are told. ServiceNow owns every mirrored field. Comments on the
 * mirror that the mapping sends to the change and that no earlier event copied (a missed Jira webhook) are copied too.
 *
 * <p>As for action items, every Jira write is announced in the journal before it is sent and settled with the link
 * after; the mirror issue carries a correlation marker that is looked up before any create, so neither a lost answer
 * nor a crash between the create and the link makes a second issue.
 */
@Component
public class ChangeRecordMirror implements EventHandler {

    /** A sweep's request to settle a create whose answer was lost, once a look-up can be believed. */
    public static final String SETTLE_KIND = "servicenow:change_request:settle";
    private static final List<String> RULES = List.of(ChangeRecordsMapping.FILE_NAME);

    private final CurrentMappings mappings;
    private final ChangeRequests changes;
    private final ChangeIssues issues;
    private final ChangeRecordStore store;
    private final LinkStore links;
    private final Journal journal;
    private final ObjectProvider<ReleaseTriggers> triggers;
    private final WriteAnnouncements announcements;
    private final CommentSync comments;
    private final Clock clock;

    public ChangeRecordMirror(CurrentMappings mappings, ChangeRequests changes, ChangeIssues issues,
            ChangeRecordStore store, LinkStore links, Journal journal, WriteIntents intents,
            ObjectProvider<ReleaseTriggers> triggers, CommentSync comments, Optional<Clock> clock) {
        this.mappings = mappings;
        this.changes = changes;
        this.issues = issues;
        this.store = store;
        this.links = links;
        this.journal = journal;
        this.triggers = triggers;
        this.comments = comments;
        this.clock = clock.orElse(Clock.systemUTC());
        this.announcements = new WriteAnnouncements(intents, this.clock);
    }

    @Override
    public Set<HandledKind> takes() {
        return Set.of(HandledKind.startingWith("servicenow:change_request:").from(ExternalSystem.SERVICENOW));
    }

    /** The link, journal entries and stored change commit with the event's outcome. */
    @Override
    public Recording recording() {
        return Recording.WITH_THE_OUTCOME;
    }

    @Override
    public SyncResult handle(InboundEvent event) {
        Optional<ChangeRecordsMapping> loaded = mappings.changeRecords();
        if (loaded.isEmpty()) {
            return SyncResult.skipped("no " + ChangeRecordsMapping.FILE_NAME + ": change requests are not mirrored");
        }
        ChangeRecordsMapping mapping = loaded.get();
        ExternalRef subject = new ExternalRef(ExternalSystem.SERVICENOW, event.entityId());
        Optional<ChangeRecord> read = changes.read(subject.id());
        Optional<Link> link = links.findByExternal(subject);
        if (read.isEmpty()) {
            return skip(link.map(Link::id).orElse(null), subject, "change request cannot be read (deleted, or hidden "
                    + "from the integration account); its mirror is left as it is");
        }
        ChangeRecord change = read.get();
        // A change mirrored once stays mirrored, as a linked action item stays synced when it leaves the scope.
        if (link.isEmpty() && !changes.inScope(subject.id(), mapping.query())) {
            return SyncResult.skipped(change.number() + " is out of the scope of " + ChangeRecordsMapping.FILE_NAME);
        }
        Optional<ChangeRecord> previous = store.save(change);
        Map<String, String> projection = ChangeProjection.of(change, mapping);
        SyncResult result = link.isPresent() ? update(link.get(), change, projection, mapping)
                : create(subject, change, projection, mapping);
        String decided = triggers.orderedStream().map(listener -> listener.changeRecorded(change, previous))
                .filter(words -> !words.isBlank()).map(words -> "; " + words).collect(Collectors.joining());
        // A mirror just created holds no comments; one linked before may hold some a Jira webhook did not bring.
        int copied = link.isPresent() ? comments.syncComments(link.get()) : 0;
        return copied == 0 ? new SyncResult(result.outcome(), result.reason() + decided, result.created())
                : new SyncResult(InboxOutcome.APPLIED, result.reason() + "; copied " + copied + " comment(s)" + decided,
                        result.created());
    }

    private SyncResult create(ExternalRef subject, ChangeRecord change, Map<String, String> projection,
            ChangeRecordsMapping mapping) {
        String marker = ChangeMarkers.of(subject.id());
        Instant lookedAt = clock.instant();
        List<WriteIntent> interrupted = announcements.openFor(marker);
        Optional<ChangeIssues.Issue> earlier = issues.findByMarker(marker, mapping);
        if (earlier.isPresent()) {
            return adopt(subject, change, earlier.get(), marker, interrupted, projection, mapping);
        }
        for (WriteIntent attempt : interrupted) {
            Instant conclusiveFrom = attempt.attemptedAt().plus(issues.lookupSettleTime());
            if (attempt.creates() && lookedAt.isBefore(conclusiveFrom)) {
                String reason = "waiting, not creating again: the create announced in journal entry "
                        + attempt.journalId() + " may have landed although its answer was lost; a look-up by marker "
                        + marker + " proves nothing before " + conclusiveFrom + " (retrobridge.jira.search-settle-time)";
                return skip(null, subject, reason);
            }
        }
        announcements.settle(interrupted, null, subject, JournalAction.SKIPPED, "an earlier create of the mirror of "
                + change.number() + " did not land: a look-up by marker " + marker + " made at " + lookedAt
                + ", after the settle time, found nothing", RULES, null);
        WriteIntent intent = announcements.announce(null, subject, Operation.CREATE, ExternalSystem.JIRA, null, marker,
                "about to create the Jira mirror of " + change.number() + " in " + mapping.project() + " (marker "
                        + marker + ")", RULES, null);
        ClaimGuard.beforeWrite();
        ChangeIssues.Issue created = issues.create(marker, projection, mapping);
        Link linked = links.insert(Link.newLink(EntityKind.CHANGE_RECORD, marker)
                .withExternalId(ExternalSystem.SERVICENOW, subject.id())
                .withExternalId(ExternalSystem.JIRA, created.id())
                .withSnapshot(ExternalSystem.JIRA, new Snapshot(projection, clock.instant())));
        announcements.settle(List.of(intent), linked.id(), new ExternalRef(ExternalSystem.JIRA, created.id()),
                JournalAction.WROTE, "created " + created.key() + " mirroring " + change.number() + " ("
                        + change.state().label() + ")", RULES, "marker " + marker);
        return SyncResult.applied("created " + created.key() + " mirroring " + change.number());
    }

    /** The mirror exists already (a create whose answer or link was lost): link it, then write what it lacks. */
    private SyncResult adopt(ExternalRef subject, ChangeRecord change, ChangeIssues.Issue found, String marker,
            List<WriteIntent> interrupted, Map<String, String> projection, ChangeRecordsMapping mapping) {
        Link linked = links.insert(Link.newLink(EntityKind.CHANGE_RECORD, marker)
                .withExternalId(ExternalSystem.SERVICENOW, subject.id())
                .withExternalId(ExternalSystem.JIRA, found.id()));
        String reason = "linked the existing mirror " + found.key() + " of " + change.number() + " found by its marker "
                + marker;
        if (interrupted.isEmpty()) {
            record(linked.id(), subject, JournalAction.WROTE, reason, null);
        } else {
            announcements.settle(interrupted, linked.id(), subject, JournalAction.WROTE, reason
                    + ": the create announced earlier had landed although its answer was lost", RULES, null);
        }
        SyncResult update = update(linked, change, projection, mapping);
        return SyncResult.applied(reason + "; " + update.reason());
    }

    private SyncResult update(Link link, ChangeRecord change, Map<String, String> projection,
            ChangeRecordsMapping mapping) {
        ExternalRef mirror = link.refOn(ExternalSystem.JIRA).orElseThrow(() -> new IllegalStateException(
                "the change-record link " + link.id() + " has no Jira issue"));
        ExternalRef subject = link.refOn(ExternalSystem.SERVICENOW).orElseThrow();
        // Writes a crash or a lost answer interrupted: written again below where the mirror still differs.
        List<WriteIntent> interrupted = announcements.openFor(link.correlationId()).stream()
                .filter(intent -> !intent.creates()).toList();
        Map<String, String> before = link.snapshotOn(ExternalSystem.JIRA).map(Snapshot::fields).orElse(Map.of());
        Set<String> changed = changedKeys(before, projection);
        if (changed.isEmpty()) {
            announcements.settle(interrupted, link.id(), subject, JournalAction.SKIPPED, "interrupted write(s) "
                    + "checked: the mirror shows " + change.number() + " as it is", RULES, null);
            return skip(link.id(), subject, "no change to mirror: " + mirror.id() + " shows " + change.number()
                    + " as it is (" + change.state().label() + ")");
        }
        WriteIntent intent = announcements.announce(link.id(), mirror, Operation.UPDATE, ExternalSystem.JIRA,
                mirror.id(), link.correlationId(), "about to write " + String.join(", ", changed) + " to the mirror of "
                        + change.number(), RULES, null);
        ClaimGuard.beforeWrite();
        issues.update(mirror.id(), before, projection, mapping);
        Link updated = links.update(link.withSnapshot(ExternalSystem.JIRA, new Snapshot(projection, clock.instant())));
        announcements.settle(interrupted, updated.id(), subject, JournalAction.SKIPPED, "interrupted write(s) "
                + "written again where the mirror still differed", RULES, null);
        announcements.settle(List.of(intent), updated.id(), subject, JournalAction.WROTE, "mirrored " + change.number()
                + " (" + change.state().label() + ") to " + mirror.id(), RULES, "fields " + changed);
        return SyncResult.applied("mirrored " + change.number() + ": " + String.join(", ", changed));
    }

    private static Set<String> changedKeys(Map<String, String> before, Map<String, String> after) {
        Map<String, String> all = new TreeMap<>(before);
        all.putAll(after);
        Set<String> changed = new TreeSet<>();
        for (String key : all.keySet()) {
            if (before.containsKey(key) != after.containsKey(key) || !Objects.equals(before.get(key), after.get(key))) {
                changed.add(key);
            }
        }
        return changed;
    }

    private SyncResult skip(UUID linkId, ExternalRef subject, String reason) {
        record(linkId, subject, JournalAction.SKIPPED, reason, null);
        return SyncResult.skipped(reason);
    }

    private void record(UUID linkId, ExternalRef subject, JournalAction action, String summary, String detail) {
        journal.append(JournalEntry.of(clock.instant(), linkId, subject, action, summary, RULES, detail));
    }
}
