package io.retrobridge.flow.comments;

import io.retrobridge.flow.inbox.ClaimGuard;
import io.retrobridge.flow.writes.WriteAnnouncements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.jira.JiraClient;
import io.retrobridge.jira.JiraComment;
import io.retrobridge.jira.PolledIssues;
import io.retrobridge.mapping.CommentRule;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.TextFormat;
import io.retrobridge.mapping.text.AdfText;
import io.retrobridge.mapping.text.JournalText;
import io.retrobridge.mapping.text.HtmlText;
import io.retrobridge.mapping.text.PlainText;
import io.retrobridge.mapping.text.TextConverter;
import io.retrobridge.mapping.text.WikiText;
import io.retrobridge.servicenow.JournalLine;
import io.retrobridge.servicenow.PolledRecords;
import io.retrobridge.servicenow.ServiceNowClient;
import io.retrobridge.sync.CommentLink;
import io.retrobridge.sync.CommentLinkStore;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntents;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.transport.RemoteCallException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Copies the comments of a linked action item between Jira and ServiceNow as the mapping's {@code comments:}
 * section says, each exactly once. An original is claimed in the store before its copy is written and paired
 * with the copy after; every copy starts with a marker naming the original, so a crash between writing and
 * recording is repaired by finding the copy, never by writing it again, and a copy is never copied back.
 */
@Component
public class CommentSync {

    /** The event that copies the comments an item had when the connector created its copy, once that is committed. */
    public static final String AFTER_CREATE_KIND = "comments:after_create";

    /** A claim this old whose copy cannot be found belongs to a worker that died before writing it. */
    public static final Duration ABANDONED_CLAIM = Duration.ofMinutes(5);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final TextConverter ADF = new AdfText();
    private static final TextConverter WIKI = new WikiText();
    private static final TextConverter JOURNAL_HTML = new HtmlText();
    private static final TextConverter PLAIN = new PlainText();
    private static final String NO_TEXT = "(no text that can be copied)";

    private final CurrentMappings mappings;
    private final JiraClient jira;
    private final ServiceNowClient servicenow;
    private final LinkStore links;
    private final CommentLinkStore comments;
    private final Journal journal;
    private final Clock clock;
    private final WriteAnnouncements announcements;
    private final EventInbox inbox;

    public CommentSync(CurrentMappings mappings, JiraClient jira, ServiceNowClient servicenow, LinkStore links,
            CommentLinkStore comments, Journal journal, WriteIntents intents, EventInbox inbox, Optional<Clock> clock) {
        this.inbox = inbox;
        this.mappings = mappings;
        this.jira = jira;
        this.servicenow = servicenow;
        this.links = links;
        this.comments = comments;
        this.journal = journal;
        this.clock = clock.orElse(Clock.systemUTC());
        this.announcements = new WriteAnnouncements(intents, this.clock);
    }

    /** Syncs the comments of the item {@code ref} belongs to, if it is linked; returns how many were copied. */
    public int syncCommentsOf(ExternalRef ref) {
        return links.findByExternal(ref).map(this::syncComments).orElse(0);
    }

    /**
     * Syncs the comments of the item {@code event} is about, after its sync. When that sync created the other side
     * ({@code created}), the new record holds no comments and is not asked for them; the event's own record is asked
     * only when its poll page did not carry its comments. Should it have comments to copy, they are copied by a
     * follow-up event of the item: a claim on a comment names the link, which is committed only with this event.
     */
    public int syncCommentsOf(InboundEvent event, Optional<ExternalRef> created) {
        Optional<Link> link = links.findByExternal(event.entity());
        if (link.isEmpty()) {
            return 0;
        }
        if (created.isEmpty() || !link.get().refOn(created.get().system()).equals(created)) {
            return syncComments(link.get());
        }
        CommentRule rule = mappings.actionItems().comments();
        ExternalSystem origin = created.get().system().other();
        if (rule.direction() == CommentRule.Direction.NONE || !rule.carriesFrom(origin)) {
            return 0;
        }
        boolean hasComments;
        try {
            hasComments = origin == ExternalSystem.JIRA
                    ? !PolledIssues.comments(event.kind(), event.payload())
                            .orElseGet(() -> jira.comments(link.get().idOn(origin).orElseThrow())).isEmpty()
                    : PolledRecords.journal(event.kind(), event.payload())
                            .orElseGet(() -> servicenow.journal(mappings.actionItems().serviceNowScope().table(),
                                    link.get().idOn(origin).orElseThrow()))
                            .stream().anyMatch(line -> line.element().equals(rule.serviceNowJournal().element()));
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
        CommentRule rule = mappings.actionItems().comments();
        Optional<String> issueId = link.idOn(ExternalSystem.JIRA);
        Optional<String> sysId = link.idOn(ExternalSystem.SERVICENOW);
        if (rule.direction() == CommentRule.Direction.NONE || issueId.isEmpty() || sysId.isEmpty()) {
            return 0;
        }
        Pair pair = new Pair(link, issueId.get(), sysId.get(), mappings.actionItems().serviceNowScope().table(), rule);
        List<JiraComment> jiraComments = jira.comments(pair.issueId);
        List<JournalLine> journalLines = servicenow.journal(pair.table, pair.sysId);
        int copied = 0;
        if (rule.carriesFrom(ExternalSystem.JIRA)) {
            for (JiraComment comment : jiraComments) {
                if (ourCopy(comment).isEmpty()) {
                    copied += toServiceNow(pair, comment, journalLines);
                }
            }
        }
        if (rule.carriesFrom(ExternalSystem.SERVICENOW)) {
            for (JournalLine line : journalLines) {
                if (line.element().equals(rule.serviceNowJournal().element()) && ourCopy(line).isEmpty()) {
                    copied += toJira(pair, line, jiraComments);
                }
            }
        }
        return copied;
    }

    // ---- copies are ours only when the connector wrote them ----------------------------------------

    /** The journal entry a Jira comment copies, if the connector account wrote it; anyone can type a marker. */
    private Optional<String> ourCopy(JiraComment comment) {
        Optional<String> original = CommentMarkers.copiedFromServiceNow(comment.body());
        return original.isPresent() && jira.integrationAccountId().equals(comment.authorAccountId())
                ? original : Optional.empty();
    }

    /** The Jira comment a journal entry copies, if the integration user wrote it. */
    private Optional<String> ourCopy(JournalLine line) {
        Optional<String> original = CommentMarkers.copiedFromJira(line.value());
        return original.isPresent() && servicenow.isIntegrationUser(line.createdBy()) ? original : Optional.empty();
    }

    // ---- Jira -> ServiceNow ----------------------------------------------------------------------

    private int toServiceNow(Pair pair, JiraComment comment, List<JournalLine> journalLines) {
        Supplier<Optional<String>> existingCopy = () -> journalLines.stream()
                .filter(line -> ourCopy(line).filter(comment.id()::equals).isPresent())
                .map(JournalLine::sysId).findFirst();
        ClaimGuard.beforeWrite();
        if (!mayWrite(pair, ExternalSystem.JIRA, comment.id(), existingCopy)) {
            return 0;
        }
        String marker = CommentMarkers.forServiceNow(pair.issueKey(), comment.authorName() != null
                ? comment.authorName() : comment.authorAccountId(), comment.id());
        String canonical = (jira.isCloud() || !comment.body().isTextual() ? ADF : WIKI).toCanonical(comment.body());
        String text = marker + "\n" + serviceNowText(pair.rule, canonical);
        writeOrRelease(pair, ExternalSystem.JIRA, comment.id(), () -> {
            if (pair.rule.serviceNowJournal() == CommentRule.JournalField.COMMENTS) {
                servicenow.addComment(pair.table, pair.sysId, text);
            } else {
                servicenow.addWorkNote(pair.table, pair.sysId, text);
            }
            return null;
        });
        // The Table API answers with the record, not the journal entry: find the entry by its marker.
        Optional<String> copyId = servicenow.journal(pair.table, pair.sysId).stream()
                .filter(line -> ourCopy(line).filter(comment.id()::equals).isPresent())
                .map(JournalLine::sysId).findFirst();
        copyId.ifPresent(id -> comments.record(CommentLink.intent(pair.link.id(), ExternalSystem.JIRA, comment.id(),
                clock.instant()).withCopy(id)));
        settling(pair, ExternalSystem.JIRA, comment.id(), JournalAction.WROTE, "copied Jira comment " + comment.id()
                + " to " + pair.recordNumber() + " as a " + pair.rule.serviceNowJournal().noun()
                + copyId.map(id -> " (" + id + ")").orElse(""));
        return 1;
    }

    private static String serviceNowText(CommentRule rule, String canonical) {
        if (canonical.isBlank()) {
            return NO_TEXT;
        }
        if (rule.serviceNowText() == TextFormat.PLAIN) {
            return JournalText.literal(PLAIN.toExternal(canonical).asText());
        }
        return JOURNAL_HTML.toExternal(canonical).asText();
    }

    // ---- ServiceNow -> Jira ----------------------------------------------------------------------

    private int toJira(Pair pair, JournalLine line, List<JiraComment> jiraComments) {
        Supplier<Optional<String>> existingCopy = () -> jiraComments.stream()
                .filter(c -> ourCopy(c).filter(line.sysId()::equals).isPresent())
                .map(JiraComment::id).findFirst();
        ClaimGuard.beforeWrite();
        if (!mayWrite(pair, ExternalSystem.SERVICENOW, line.sysId(), existingCopy)) {
            return 0;
        }
        String marker = CommentMarkers.forJira(pair.recordNumber(), pair.rule.serviceNowJournal().noun(),
                line.createdBy(), line.sysId());
        String value = line.value() == null ? "" : line.value();
        String canonical = (value.toLowerCase(Locale.ROOT).contains("[code]") ? JOURNAL_HTML : PLAIN)
                .toCanonical(TextNode.valueOf(value));
        JsonNode body = jiraBody(marker, canonical);
        JiraComment copy = writeOrRelease(pair, ExternalSystem.SERVICENOW, line.sysId(),
                () -> jira.addComment(pair.issueId, body));
        comments.record(CommentLink.intent(pair.link.id(), ExternalSystem.SERVICENOW, line.sysId(), clock.instant())
                .withCopy(copy.id()));
        settling(pair, ExternalSystem.SERVICENOW, line.sysId(), JournalAction.WROTE, "copied "
                + pair.rule.serviceNowJournal().noun() + " " + line.sysId() + " of " + pair.recordNumber() + " to "
                + pair.issueKey() + " as comment " + copy.id());
        return 1;
    }

    /** The marker as its own plain paragraph (never read as markup), then the text. */
    private JsonNode jiraBody(String marker, String canonical) {
        if (!jira.isCloud()) {
            String wiki = canonical.isBlank() ? NO_TEXT : WIKI.toExternal(canonical).asText();
            return TextNode.valueOf(marker + "\n\n" + wiki);
        }
        ObjectNode doc = canonical.isBlank() ? (ObjectNode) ADF.toExternal(NO_TEXT) : (ObjectNode) ADF.toExternal(canonical);
        ArrayNode content = doc.withArray("content");
        ObjectNode paragraph = JSON.objectNode().put("type", "paragraph");
        paragraph.putArray("content").addObject().put("type", "text").put("text", marker);
        content.insert(0, paragraph);
        return doc;
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
        ExternalSystem target = origin.other();
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
        final String table;
        final CommentRule rule;
        private String issueKey;
        private String recordNumber;

        Pair(Link link, String issueId, String sysId, String table, CommentRule rule) {
            this.link = link;
            this.issueId = issueId;
            this.sysId = sysId;
            this.table = table;
            this.rule = rule;
        }

        String issueKey() {
            if (issueKey == null) {
                issueKey = jira.find(issueId, List.of("summary")).map(issue -> issue.key()).orElse(issueId);
            }
            return issueKey;
        }

        String recordNumber() {
            if (recordNumber == null) {
                recordNumber = servicenow.find(table, sysId, List.of("number"))
                        .map(r -> r.fields().path("number").asText(sysId)).orElse(sysId);
            }
            return recordNumber;
        }
    }
}
