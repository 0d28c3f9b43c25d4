package io.retrobridge.flow.comments;

import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.flow.inbox.ClaimGuard;
import io.retrobridge.flow.writes.WriteAnnouncements;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CommentRule;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.sync.CommentGateway;
import io.retrobridge.sync.CommentLink;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.SideComment;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.transport.RemoteCallException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Copies the comments of a linked action item between Jira and ServiceNow as the mapping's {@code comments:}
 * section says, each exactly once; and the comments on a change request's Jira mirror to the change, as the
 * change-records mapping's {@code comments:} section says (one way only, and never the connector's own). An original
 * is claimed in the store before its copy is written and paired with the copy after; every copy starts with a marker
 * naming the original, so a crash between writing and recording is repaired by finding the copy, never by writing it
 * again, and a copy is never copied back.
 */
@Component
public class CommentSync {

    /** The event that copies the comments an item had when the connector created its copy, once that is committed. */
    public static final String AFTER_CREATE_KIND = "comments:after_create";

    /** A claim this old whose copy cannot be found belongs to a worker that died before writing it. */
    public static final Duration ABANDONED_CLAIM = Duration.ofMinutes(5);

    private final CurrentMappings mappings;
    private final Map<ExternalSystem, CommentGateway> sides = new HashMap<>();
    private final LinkStore links;
    private final CommentLinkStore comments;
    private final Journal journal;
    private final Clock clock;
    private final WriteAnnouncements announcements;
    private final EventInbox inbox;

    public CommentSync(CurrentMappings mappings, List<CommentGateway> sides, LinkStore links,
            CommentLinkStore comments, Journal journal, WriteIntents intents, EventInbox inbox, Optional<Clock> clock) {
        this.inbox = inbox;
        this.mappings = mappings;
        sides.forEach(side -> this.sides.put(side.system(), side));
        this.links = links;
        this.comments = comments;
        this.journal = journal;
        this.clock = clock.orElse(Clock.systemUTC());
        this.announcements = new WriteAnnouncements(intents, this.clock);
    }

    /** Syncs the comments of the item {@code ref} belongs to, if it is linked; returns how many were copied. */
    public int syncCommentsOf(ExternalRef ref) {
        return links.findByExternal(ref).filter(CommentSync::carriesComments).map(this::syncComments).orElse(0);
    }

    /**
     * Syncs the comments of the item {@code event} is about, after its sync. When that sync created the other side
     * ({@code created}), the new record holds no comments and is not asked for them; the event's own record is asked
     * only when its poll page did not carry its comments. Should it have comments to copy, they are copied by a
     * follow-up event of the item: a claim on a comment names the link, which is committed only with this event.
     */
    public int syncCommentsOf(InboundEvent event, Optional<ExternalRef> created) {
        Optional<Link> link = links.findByExternal(event.entity()).filter(CommentSync::carriesComments);
        if (link.isEmpty()) {
            return 0;
        }
        // A change's mirror is never created by an item's sync: its comments are simply copied.
        if (isChangeMirror(link.get()) || created.isEmpty()
                || !link.get().refOn(created.get().system()).equals(created)) {
            return syncComments(link.get());
        }
        CommentRule rule = mappings.actionItems().comments();
        ExternalSystem origin = SyncPair.ACTION_ITEMS.counterpart(created.get().system());
        if (rule.direction() == CommentRule.Direction.NONE || !rule.carriesFrom(origin)) {
            return 0;
        }
        boolean hasComments;
        try {
            hasComments = sides.get(origin).hasCommentsToCarry(link.get().idOn(origin).orElseThrow(), event.kind(),
                    event.payload(), mappings.actionItems());
        } catch (RemoteCallException e) {
            if (e.failure() == RemoteCallException.Failure.NOT_FOUND) {
                return 0;
            }
            throw e;
        }
        if (hasComments) {
            inbox.accept(InboundEvent.received(event.source(), AFTER_CREATE_KIND, event.entityId(),
                    AFTER_CREATE_KIND + ":" + event.id(), clock.instant(), ""));
        }
        return 0;
    }

    /**
     * Copies every comment not copied yet, in the directions the mapping allows; returns how many were copied. A side
     * that answers 404 (deleted, or hidden from the integration account) has nothing to copy to or from for now: its
     * comments wait, and the item's event is not parked for it.
     */
    public int syncComments(Link link) {
        try {
            return copyComments(link);
        } catch (RemoteCallException e) {
            if (e.failure() == RemoteCallException.Failure.NOT_FOUND) {
                return 0;
            }
            throw e;
        }
    }

    private int copyComments(Link link) {
        Optional<ActionItemMapping> scope = isChangeMirror(link)
                ? mappings.changeRecords().map(ChangeCommentScope::new)
                : Optional.of(mappings.actionItems());
        if (scope.isEmpty()) {
            return 0;
        }
        ActionItemMapping mapping = scope.get();
        CommentRule rule = mapping.comments();
        Optional<String> issueId = link.idOn(ExternalSystem.JIRA);
        Optional<String> sysId = link.idOn(ExternalSystem.SERVICENOW);
        if (rule.direction() == CommentRule.Direction.NONE || issueId.isEmpty() || sysId.isEmpty()) {
            return 0;
        }
        Pair pair = new Pair(link, issueId.get(), sysId.get(), mapping, rule);
        List<SideComment> jiraComments = sides.get(ExternalSystem.JIRA).comments(pair.issueId, mapping);
        List<SideComment> journalLines = sides.get(ExternalSystem.SERVICENOW).comments(pair.sysId, mapping);
        int copied = 0;
        if (rule.carriesFrom(ExternalSystem.JIRA)) {
            for (SideComment comment : jiraComments) {
                if (ourCopyOnJira(comment).isEmpty() && !connectorNoteOnMirror(link, comment)) {
                    copied += toServiceNow(pair, comment, journalLines);
                }
            }
        }
        if (rule.carriesFrom(ExternalSystem.SERVICENOW)) {
            for (SideComment line : journalLines) {
                if (line.kind().equals(rule.serviceNowJournal().element()) && ourCopyOnServiceNow(line).isEmpty()) {
                    copied += toJira(pair, line, jiraComments);
                }
            }
        }
        return copied;
    }

    // ---- copies are ours only when the connector wrote them ----------------------------------------

    /** The journal entry a Jira comment copies, if the connector account wrote it; anyone can type a marker. */
    private static Optional<String> ourCopyOnJira(SideComment comment) {
        Optional<String> original = CommentMarkers.copiedFromServiceNow(comment.firstLine());
        return original.isPresent() && comment.writtenByUs() ? original : Optional.empty();
    }

    /** The Jira comment a journal entry copies, if the integration user wrote it. */
    private static Optional<String> ourCopyOnServiceNow(SideComment line) {
        Optional<String> original = CommentMarkers.copiedFromJira(line.firstLine());
        return original.isPresent() && line.writtenByUs() ? original : Optional.empty();
    }

    // ---- Jira -> ServiceNow ----------------------------------------------------------------------

    private int toServiceNow(Pair pair, SideComment comment, List<SideComment> journalLines) {
        Supplier<Optional<String>> existingCopy = () -> journalLines.stream()
                .filter(line -> ourCopyOnServiceNow(line).filter(comment.id()::equals).isPresent())
                .map(SideComment::id).findFirst();
        ClaimGuard.beforeWrite();
        if (!mayWrite(pair, ExternalSystem.JIRA, comment.id(), existingCopy)) {
            return 0;
        }
        String marker = CommentMarkers.forServiceNow(pair.issueKey(), comment.author(), comment.id());
        String canonical = comment.canonicalText();
        CommentGateway servicenow = sides.get(ExternalSystem.SERVICENOW);
        writeOrRelease(pair, ExternalSystem.JIRA, comment.id(),
                () -> servicenow.addCopy(pair.sysId, marker, canonical, pair.mapping));
        // The Table API answers with the record, not the journal entry: find the entry by its marker.
        Optional<String> copyId = servicenow.comments(pair.sysId, pair.mapping).stream()
                .filter(line -> ourCopyOnServiceNow(line).filter(comment.id()::equals).isPresent())
                .map(SideComment::id).findFirst();
        copyId.ifPresent(id -> comments.record(CommentLink.intent(pair.link.id(), ExternalSystem.JIRA, comment.id(),
                clock.instant()).withCopy(id)));
        settling(pair, ExternalSystem.JIRA, comment.id(), JournalAction.WROTE, "copied Jira comment " + comment.id()
                + " to " + pair.recordNumber() + " as a " + pair.rule.serviceNowJournal().noun()
                + copyId.map(id -> " (" + id + ")").orElse(""));
        return 1;
    }

    // ---- ServiceNow -> Jira ----------------------------------------------------------------------

    private int toJira(Pair pair, SideComment line, List<SideComment> jiraComments) {
        Supplier<Optional<String>> existingCopy = () -> jiraComments.stream()
                .filter(c -> ourCopyOnJira(c).filter(line.id()::equals).isPresent())
                .map(SideComment::id).findFirst();
        ClaimGuard.beforeWrite();
        if (!mayWrite(pair, ExternalSystem.SERVICENOW, line.id(), existingCopy)) {
            return 0;
        }
        String marker = CommentMarkers.forJira(pair.recordNumber(), pair.rule.serviceNowJournal().noun(),
                line.author(), line.id());
        String canonical = line.canonicalText();
        String copy = writeOrRelease(pair, ExternalSystem.SERVICENOW, line.id(),
                () -> sides.get(ExternalSystem.JIRA).addCopy(pair.issueId, marker, canonical, pair.mapping)).orElseThrow();
        comments.record(CommentLink.intent(pair.link.id(), ExternalSystem.SERVICENOW, line.id(), clock.instant())
                .withCopy(copy));
        settling(pair, ExternalSystem.SERVICENOW, line.id(), JournalAction.WROTE, "copied "
                + pair.rule.serviceNowJournal().noun() + " " + line.id() + " of " + pair.recordNumber() + " to "
                + pair.issueKey() + " as comment " + copy);
        return 1;
    }

    // ---- once and only once ----------------------------------------------------------------------

    /**
     * Whether the original must be copied now, claiming it if so. A copy found on the other side (its record
     * lost in a crash) is recorded instead; a claim another worker holds is left alone until it is abandoned.
     */
    private boolean mayWrite(Pair pair, ExternalSystem origin, String originalId, Supplier<Optional<String>> existingCopy) {
        Optional<CommentLink> known = comments.find(origin, originalId);
        if (known.isPresent() && (known.get().origin() != origin || known.get().copyId().isPresent())) {
            return false;
        }
        Optional<String> copy = existingCopy.get();
        if (copy.isPresent()) {
            comments.record(CommentLink.intent(pair.link.id(), origin, originalId, clock.instant()).withCopy(copy.get()));
            settling(pair, origin, originalId, JournalAction.SKIPPED, "comment " + originalId + " on " + origin
                    + " was already copied (found by its marker); recorded the pair, wrote nothing");
            return false;
        }
        if (known.isEmpty()) {
            return comments.recordIntent(CommentLink.intent(pair.link.id(), origin, originalId, clock.instant()));
        }
        boolean abandoned = known.get().createdAt().isBefore(clock.instant().minus(ABANDONED_CLAIM));
        return abandoned && comments.reclaim(known.get(), clock.instant());
    }

    /**
     * Writes a copy; if the write fails the claim is dropped so a replay may try again at once. Should the
     * failed write have reached the other side after all, the copy's marker is found before any new write.
     */
    private <T> T writeOrRelease(Pair pair, ExternalSystem origin, String originalId, Supplier<T> write) {
        ExternalSystem target = SyncPair.ACTION_ITEMS.counterpart(origin);
        String targetId = target == ExternalSystem.JIRA ? pair.issueId : pair.sysId;
        announcements.announce(pair.link.id(), new ExternalRef(target, targetId), Operation.COMMENT, target, targetId,
                intentMarker(origin, originalId), "about to copy comment " + originalId + " on " + origin + " to "
                        + target + " " + targetId, List.of(), null);
        try {
            return write.get();
        } catch (RuntimeException e) {
            comments.release(CommentLink.intent(pair.link.id(), origin, originalId, clock.instant()));
            throw e;
        }
    }

    /**
     * Journals what came of copying one comment, settling the copies announced for it: this run's, and any an
     * interrupted run left (its copy was looked for by marker before this one was written, or found).
     */
    private void settling(Pair pair, ExternalSystem origin, String originalId, JournalAction action, String summary) {
        List<WriteIntent> announced = announcements.openFor(intentMarker(origin, originalId));
        if (announced.isEmpty()) {
            note(pair, origin, action, summary, null);
            return;
        }
        String subjectId = origin == ExternalSystem.JIRA ? pair.issueId : pair.sysId;
        announcements.settle(announced, pair.link.id(), new ExternalRef(origin, subjectId), action, summary, List.of(),
                null);
    }

    /** What the announcement of a comment's copy is filed under: the original comment. */
    private static String intentMarker(ExternalSystem origin, String originalId) {
        return "comment:" + origin.name().toLowerCase(java.util.Locale.ROOT) + ":" + originalId;
    }

    private void note(Pair pair, ExternalSystem origin, JournalAction action, String summary, String detail) {
        String subjectId = origin == ExternalSystem.JIRA ? pair.issueId : pair.sysId;
        journal.append(JournalEntry.of(clock.instant(), pair.link.id(), new ExternalRef(origin, subjectId), action,
                summary, List.of(), detail));
    }

    /** The two records of one link, with their display names read once and only when a copy needs them. */
    private final class Pair {
        final Link link;
        final String issueId;
        final String sysId;
        final ActionItemMapping mapping;
        final CommentRule rule;
        private String issueKey;
        private String recordNumber;

        Pair(Link link, String issueId, String sysId, ActionItemMapping mapping, CommentRule rule) {
            this.link = link;
            this.issueId = issueId;
            this.sysId = sysId;
            this.mapping = mapping;
            this.rule = rule;
        }

        String issueKey() {
            if (issueKey == null) {
                issueKey = sides.get(ExternalSystem.JIRA).displayKey(issueId, mapping);
            }
            return issueKey;
        }

        String recordNumber() {
            if (recordNumber == null) {
                recordNumber = sides.get(ExternalSystem.SERVICENOW).displayKey(sysId, mapping);
            }
            return recordNumber;
        }
    }

    /** Comments travel between an action item's records, and from a change request's Jira mirror to the change. */
    private static boolean carriesComments(Link link) {
        return link.kind() == EntityKind.ACTION_ITEM || isChangeMirror(link);
    }

    private static boolean isChangeMirror(Link link) {
        return link.kind() == EntityKind.CHANGE_RECORD;
    }

    /**
     * Whatever the connector writes on a change's mirror is about the change already (it is ServiceNow's), so only what
     * people write there goes to the change: a note of ours is no comment of the team's, marker or not.
     */
    private static boolean connectorNoteOnMirror(Link link, SideComment comment) {
        return isChangeMirror(link) && comment.writtenByUs();
    }
}
