package io.retrobridge.flow;

import io.retrobridge.domain.DeletedRecord;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.flow.SyncPlan.Snapshots;
import io.retrobridge.mapping.MappedItem;
import io.retrobridge.sync.Decision;
import io.retrobridge.sync.DeletedRecords;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.StaleLinkException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Syncs one action item after an event about it: the planner reads both records fresh and decides against
 * the link's snapshots; this class carries the plan out and records why. The event itself only says which
 * record to look at; what is written always comes from the records as they are now, so late, duplicated
 * or lost notifications cannot make it write stale values. Every journal entry names the rules that
 * shaped it.
 */
@Component
public class ActionItemSync {

    private final SyncPlanner planner;
    private final Map<ExternalSystem, SideGateway> sides = new EnumMap<>(ExternalSystem.class);
    private final LinkStore links;
    private final Journal journal;
    private final SyncMetrics metrics;
    private final UnreadableRecords unreadable;
    private final DeletedRecords deletions;
    private final Clock clock;

    public ActionItemSync(SyncPlanner planner, List<SideGateway> sides, LinkStore links, Journal journal,
            SyncMetrics metrics, UnreadableRecords unreadable, DeletedRecords deletions, Optional<Clock> clock) {
        this.planner = planner;
        sides.forEach(side -> this.sides.put(side.system(), side));
        this.links = links;
        this.journal = journal;
        this.metrics = metrics;
        this.unreadable = unreadable;
        this.deletions = deletions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public SyncResult process(InboundEvent event) {
        Optional<DeletionNotice> notice = DeletionNotice.of(event);
        try {
            return execute(planner.plan(event.entity(), notice));
        } catch (StaleLinkException raced) {
            // Another instance wrote this link between our read and write: look again with fresh state.
            return execute(planner.plan(event.entity(), notice));
        }
    }

    /** Syncs the record {@code ref} names, whatever brought it to our attention. */
    public SyncResult sync(ExternalRef ref) {
        return execute(planner.plan(ref));
    }

    private SyncResult execute(SyncPlan plan) {
        SyncResult result = carryOut(plan);
        return catchUpAfterUnreadable(plan).map(other -> new SyncResult(
                other.outcome() == InboxOutcome.APPLIED ? InboxOutcome.APPLIED : result.outcome(),
                result.reason() + "; then its linked record, unreadable before: " + other.reason())).orElse(result);
    }

    /**
     * A linked record that answered 404 before reads again (a permission given back): changes made to its counterpart
     * meanwhile were skipped then and would otherwise wait for that record's next notification, so it is synced now.
     */
    private Optional<SyncResult> catchUpAfterUnreadable(SyncPlan plan) {
        if (plan.record().isEmpty() || plan.link().isEmpty()) {
            return Optional.empty();
        }
        plan.target().ifPresent(target -> unreadable.readAgain(new ExternalRef(plan.subject().system().other(), target.id())));
        if (!unreadable.readAgain(plan.subject())) {
            return Optional.empty();
        }
        return plan.link().get().idOn(plan.subject().system().other())
                .map(id -> carryOut(planner.plan(new ExternalRef(plan.subject().system().other(), id))));
    }

    private SyncResult carryOut(SyncPlan plan) {
        return switch (plan.action()) {
            case OUT_OF_SCOPE -> SyncResult.skipped(plan.reason());
            case CREATE -> create(plan);
            case ADOPT -> adopt(plan);
            case UPDATE -> reconcile(plan);
            case CANCEL -> cancel(plan);
            case NOTE_DELETION -> noteDeletion(plan);
            case LEAVE_DELETED -> leaveDeleted(plan);
            case UNREADABLE -> unreadable(plan);
            // A decided skip still moves the link's snapshots and records its conflicts.
            case SKIP -> plan.decision().isPresent() && plan.link().isPresent()
                    ? reconcile(plan)
                    : skip(plan.subject(), plan.link().map(Link::id).orElse(null), plan.reason(), plan.ruleIds());
        };
    }

    private SyncResult create(SyncPlan plan) {
        SideRecord record = plan.record().orElseThrow();
        PlannedWrite write = plan.writes().get(0);
        SideRecord created = timed(write.side(), "create",
                () -> sides.get(write.side()).create(write.payload(), plan.mapping()));
        Link link = newLink(plan, created);
        links.insert(link);
        record(link.id(), plan.subject(), JournalAction.RECEIVED, plan.reason(), plan.ruleIds(),
                String.join("; ", plan.mapped().map(MappedItem::notes).orElse(List.of())));
        record(link.id(), new ExternalRef(write.side(), created.id()), JournalAction.WROTE,
                "created " + created.displayKey() + " from " + record.displayKey() + " (correlation id "
                        + plan.correlationId() + ")", plan.ruleIds(), String.join("; ", write.notes()));
        return SyncResult.applied("created " + created.displayKey());
    }

    private SyncResult adopt(SyncPlan plan) {
        SideRecord earlier = plan.target().orElseThrow();
        Link adopted = newLink(plan, earlier);
        links.insert(adopted);
        record(adopted.id(), plan.subject(), JournalAction.WROTE, plan.reason(), plan.ruleIds(), null);
        // Now linked: bring the copy up to date with whatever changed on the origin meanwhile.
        SyncResult followUp = sync(plan.subject());
        return SyncResult.applied("linked existing " + earlier.displayKey() + "; " + followUp.reason());
    }

    private SyncResult reconcile(SyncPlan plan) {
        ExternalSystem system = plan.subject().system();
        plan.writes().forEach(write -> timed(write.side(), "update", () -> {
            sides.get(write.side()).update(write.recordId(), write.payload(), plan.mapping());
            return null;
        }));
        Snapshots remembered = plan.snapshots().orElseThrow();
        Link updated = links.update(plan.link().orElseThrow()
                .withSnapshot(system, new Snapshot(remembered.source(), clock.instant()))
                .withSnapshot(system.other(), new Snapshot(remembered.target(), clock.instant())));
        Decision decision = plan.decision().orElseThrow();
        decision.conflicts().forEach(conflict -> record(updated.id(), plan.subject(), JournalAction.CONFLICT,
                conflict.describe(), plan.ruleIds(), null));
        if (!plan.writesSomething()) {
            return skip(plan.subject(), updated.id(), plan.reason(), plan.ruleIds());
        }
        record(updated.id(), plan.subject(), JournalAction.WROTE, plan.reason(), plan.ruleIds(),
                "to " + plan.target().orElseThrow().displayKey() + ": " + decision.writes()
                        + (decision.corrections().isEmpty() ? "" : "; back to "
                        + plan.record().orElseThrow().displayKey() + ": " + decision.corrections()));
        return SyncResult.applied(plan.reason());
    }

    private SyncResult cancel(SyncPlan plan) {
        PlannedWrite write = plan.writes().get(0);
        timed(write.side(), "cancel", () -> {
            sides.get(write.side()).update(write.recordId(), write.payload(), plan.mapping());
            return null;
        });
        remember(plan);
        record(plan.link().orElseThrow().id(), plan.subject(), JournalAction.WROTE, plan.reason(), plan.ruleIds(), null);
        return SyncResult.applied("cancelled " + write.displayKey());
    }

    private SyncResult leaveDeleted(SyncPlan plan) {
        remember(plan);
        return skip(plan.subject(), plan.link().orElseThrow().id(), plan.reason(), plan.ruleIds());
    }

    /** After the write: a deletion is handled once, and its record's 404s are not taken for lost access later. */
    private void remember(SyncPlan plan) {
        DeletionNotice notice = plan.deletion().orElseThrow();
        unreadable.forget(plan.subject());
        deletions.remember(new DeletedRecord(plan.subject(), plan.link().orElseThrow().id(), notice.displayKey(),
                notice.kind(), clock.instant()));
    }

    private SyncResult noteDeletion(SyncPlan plan) {
        PlannedWrite write = plan.writes().get(0);
        String text = write.payload().path(DeletionNote.TEXT).asText();
        timed(write.side(), "note", () -> {
            sides.get(write.side()).addNote(write.recordId(), text, plan.mapping());
            return null;
        });
        remember(plan);
        record(plan.link().orElseThrow().id(), plan.subject(), JournalAction.WROTE, plan.reason(), plan.ruleIds(), text);
        return SyncResult.applied("noted the deletion on " + write.displayKey());
    }

    /** Nothing is written; the record that answered 404 is counted, as many at once point to a permission change. */
    private SyncResult unreadable(SyncPlan plan) {
        Link link = plan.link().orElseThrow();
        ExternalSystem system = plan.record().isPresent() ? plan.subject().system().other() : plan.subject().system();
        link.idOn(system).ifPresent(id -> unreadable.saw(new ExternalRef(system, id),
                UnreadableRecords.where(system, plan.mapping())));
        return skip(plan.subject(), link.id(), plan.reason(), plan.ruleIds());
    }

    /** Runs one write to {@code side} and times it, whether it succeeds or throws. */
    private <T> T timed(ExternalSystem side, String operation, Supplier<T> write) {
        // A worker whose claim on the event was taken over must not write: the new owner does.
        ClaimGuard.beforeWrite();
        long started = System.nanoTime();
        boolean succeeded = false;
        try {
            T result = write.get();
            succeeded = true;
            return result;
        } finally {
            metrics.wrote(side, operation, succeeded, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Link newLink(SyncPlan plan, SideRecord other) {
        ExternalRef ref = plan.subject();
        Snapshots remembered = plan.snapshots().orElseThrow();
        return Link.newLink(EntityKind.ACTION_ITEM, plan.correlationId())
                .withExternalId(ref.system(), ref.id())
                .withExternalId(ref.system().other(), other.id())
                .withSnapshot(ref.system(), new Snapshot(remembered.source(), clock.instant()))
                .withSnapshot(ref.system().other(), new Snapshot(remembered.target(), clock.instant()));
    }

    private SyncResult skip(ExternalRef ref, UUID linkId, String reason, List<String> rules) {
        record(linkId, ref, JournalAction.SKIPPED, reason, rules, null);
        return SyncResult.skipped(reason);
    }

    private void record(UUID linkId, ExternalRef subject, JournalAction action, String summary, List<String> rules,
            String detail) {
        journal.append(JournalEntry.of(clock.instant(), linkId, subject, action, summary, List.copyOf(rules),
                detail == null || detail.isBlank() ? null : detail));
    }
}
