package io.retrobridge.flow.items;

import io.retrobridge.domain.DeletedRecord;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.flow.inbox.ClaimGuard;
import io.retrobridge.flow.inbox.SyncMetrics;
import io.retrobridge.flow.items.SyncPlan.Snapshots;
import io.retrobridge.flow.writes.CreateNotSettledException;
import io.retrobridge.flow.writes.CreateSettleTimes;
import io.retrobridge.flow.writes.WriteAnnouncements;
import io.retrobridge.mapping.MappedItem;
import io.retrobridge.sync.Decision;
import io.retrobridge.sync.DeletedRecords;
import io.retrobridge.sync.InboxOutcome;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SideRecord;
import io.retrobridge.sync.StaleLinkException;
import io.retrobridge.sync.SyncResult;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs one action item after an event about it: the planner reads both records fresh and decides against
 * the link's snapshots; this class carries the plan out and records why. The event itself only says which
 * record to look at; what is written always comes from the records as they are now, so late, duplicated
 * or lost notifications cannot make it write stale values. Every journal entry names the rules that
 * shaped it. Every remote write is announced in the journal (INTENT) before it is sent; the entry that records what
 * was written settles it, in one transaction with the link, so a crash in between leaves an open intent that the
 * next run of the item settles.
 */
@Component
public class ActionItemSync {

    private final SyncPlanner planner;
    private final Map<ExternalSystem, SideGateway> sides = new TreeMap<>();
    private final LinkStore links;
    private final Journal journal;
    private final SyncMetrics metrics;
    private final UnreadableRecords unreadable;
    private final DeletedRecords deletions;
    private final Clock clock;
    private final WriteAnnouncements announcements;
    private final CreateSettleTimes settleTimes;
    private final TransactionTemplate recording;

    public ActionItemSync(SyncPlanner planner, List<SideGateway> sides, LinkStore links, Journal journal,
            SyncMetrics metrics, UnreadableRecords unreadable, DeletedRecords deletions, WriteIntents intents,
            CreateSettleTimes settleTimes, PlatformTransactionManager transactions, Optional<Clock> clock) {
        this.planner = planner;
        sides.forEach(side -> this.sides.put(side.system(), side));
        this.links = links;
        this.journal = journal;
        this.metrics = metrics;
        this.unreadable = unreadable;
        this.deletions = deletions;
        this.clock = clock.orElse(Clock.systemUTC());
        this.announcements = new WriteAnnouncements(intents, this.clock);
        this.settleTimes = settleTimes;
        this.recording = new TransactionTemplate(transactions);
        // A savepoint inside the inbox worker's transaction: a stale link rolls back this run's records only, so the
        // run can be repeated with fresh state and the event's transaction still commits.
        this.recording.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public SyncResult process(InboundEvent event) {
        Optional<DeletionNotice> notice = DeletionNotice.of(event);
        try {
            try {
                return sync(event.entity(), notice, Optional.of(event));
            } catch (StaleLinkException raced) {
                // Another instance wrote this link between our read and write: look again with fresh state.
                return sync(event.entity(), notice, Optional.of(event));
            }
        } catch (CreateNotSettledException waiting) {
            // Finished for now; the intent sweep queues the item again once a look-up can settle the create.
            record(null, event.entity(), JournalAction.SKIPPED, "waiting, not creating again: " + waiting.getMessage(),
                    List.of(), null);
            return SyncResult.skipped("waiting for an earlier create to settle; looked up again after "
                    + waiting.conclusiveFrom());
        }
    }

    /**
     * Syncs the record {@code ref} names, whatever brought it to our attention.
     *
     * @throws CreateNotSettledException when a create whose answer was lost may still show up; nothing was written
     */
    public SyncResult sync(ExternalRef ref) {
        return sync(ref, Optional.empty(), Optional.empty());
    }

    private SyncResult sync(ExternalRef ref, Optional<DeletionNotice> notice, Optional<InboundEvent> event) {
        // Before the plan's look-ups: a look-up by marker proves a create did not happen only if made late enough.
        Instant now = clock.instant();
        SyncPlan plan = planner.plan(ref, notice, event);
        if (plan.lookedUpAt().isPresent()
                && announcements.openFor(markerOf(plan)).stream().anyMatch(WriteIntent::creates)) {
            // A create announced after the page's look-up may have landed since: only a look-up made now can tell.
            plan = planner.plan(ref, notice, Optional.empty());
        }
        // A poll page's look-up was made earlier still, and is judged by its own time.
        Instant lookedAt = plan.lookedUpAt().filter(at -> at.isBefore(now)).orElse(now);
        return execute(plan, lookedAt);
    }

    private SyncResult execute(SyncPlan plan, Instant lookedAt) {
        SyncResult result = carryOut(plan, lookedAt);
        return catchUpAfterUnreadable(plan).map(other -> new SyncResult(
                other.outcome() == InboxOutcome.APPLIED ? InboxOutcome.APPLIED : result.outcome(),
                result.reason() + "; then its linked record, unreadable before: " + other.reason(), result.created()))
                .orElse(result);
    }

    /**
     * A linked record that answered 404 before reads again (a permission given back): changes made to its counterpart
     * meanwhile were skipped then and would otherwise wait for that record's next notification, so it is synced now.
     */
    private Optional<SyncResult> catchUpAfterUnreadable(SyncPlan plan) {
        if (plan.record().isEmpty() || plan.link().isEmpty()) {
            return Optional.empty();
        }
        plan.target().ifPresent(target -> unreadable.readAgain(new ExternalRef(SyncPair.ACTION_ITEMS.counterpart(plan.subject().system()), target.id())));
        if (!unreadable.readAgain(plan.subject())) {
            return Optional.empty();
        }
        return plan.link().get().idOn(SyncPair.ACTION_ITEMS.counterpart(plan.subject().system()))
                .map(id -> sync(new ExternalRef(SyncPair.ACTION_ITEMS.counterpart(plan.subject().system()), id)));
    }

    private SyncResult carryOut(SyncPlan plan, Instant lookedAt) {
        if (plan.action() == SyncPlan.Action.OUT_OF_SCOPE) {
            return SyncResult.skipped(plan.reason());
        }
        // Writes announced by an earlier run and never settled: a crash or a lost answer came between write and record.
        List<WriteIntent> interrupted = announcements.openFor(markerOf(plan));
        return switch (plan.action()) {
            case OUT_OF_SCOPE -> SyncResult.skipped(plan.reason());
            case CREATE -> create(plan, interrupted, lookedAt);
            case ADOPT -> adopt(plan, interrupted);
            case UPDATE -> reconcile(plan, interrupted);
            case CANCEL -> cancel(plan, interrupted);
            case NOTE_DELETION -> noteDeletion(plan, interrupted);
            case LEAVE_DELETED -> leaveDeleted(plan, interrupted);
            // Nothing could be read, so nothing announced earlier can be checked yet: open intents stay open.
            case UNREADABLE -> unreadable(plan);
            // A decided skip still moves the link's snapshots and records its conflicts.
            case SKIP -> plan.decision().isPresent() && plan.link().isPresent()
                    ? reconcile(plan, interrupted)
                    : recorded(() -> {
                        UUID linkId = plan.link().map(Link::id).orElse(null);
                        settleChecked(interrupted, linkId, plan);
                        return skip(plan.subject(), linkId, plan.reason(), plan.ruleIds());
                    });
        };
    }

    /**
     * Creates the copy, unless a create announced earlier may have landed: a look-up that found nothing settles that
     * only once it was made late enough to see the record (Jira's search lags); until then the item waits.
     */
    private SyncResult create(SyncPlan plan, List<WriteIntent> interrupted, Instant lookedAt) {
        SideRecord record = plan.record().orElseThrow();
        PlannedWrite write = plan.writes().get(0);
        for (WriteIntent earlier : interrupted) {
            if (earlier.creates() && !settleTimes.conclusive(earlier, lookedAt)) {
                throw new CreateNotSettledException(earlier.target(), plan.correlationId(), earlier.journalId(),
                        settleTimes.conclusiveFrom(earlier));
            }
        }
        WriteIntent intent = announcements.announce(null, plan.subject(), Operation.CREATE, write.side(), null,
                plan.correlationId(), "about to create the copy of " + record.displayKey() + " on " + write.side()
                        + " (correlation id " + plan.correlationId() + "): " + plan.reason(), plan.ruleIds(),
                "fields " + write.fields());
        SideRecord created = timed(write.side(), "create",
                () -> sides.get(write.side()).create(write.payload(), plan.mapping()));
        return recorded(() -> {
            Link link = newLink(plan, created);
            links.insert(link);
            record(link.id(), plan.subject(), JournalAction.RECEIVED, plan.reason(), plan.ruleIds(),
                    String.join("; ", plan.mapped().map(MappedItem::notes).orElse(List.of())));
            announcements.settle(interrupted, link.id(), plan.subject(), JournalAction.SKIPPED,
                    "an earlier create of the copy of " + record.displayKey() + " did not land: a look-up by "
                            + "correlation id " + plan.correlationId() + " made at " + lookedAt
                            + ", after the settle time, found nothing", plan.ruleIds(), null);
            announcements.settle(List.of(intent), link.id(), new ExternalRef(write.side(), created.id()),
                    JournalAction.WROTE, "created " + created.displayKey() + " from " + record.displayKey()
                            + " (correlation id " + plan.correlationId() + ")", plan.ruleIds(),
                    String.join("; ", write.notes()));
            return SyncResult.applied("created " + created.displayKey())
                    .withCreated(new ExternalRef(write.side(), created.id()));
        });
    }

    private SyncResult adopt(SyncPlan plan, List<WriteIntent> interrupted) {
        SideRecord earlier = plan.target().orElseThrow();
        recorded(() -> {
            Link adopted = newLink(plan, earlier);
            links.insert(adopted);
            if (interrupted.isEmpty()) {
                record(adopted.id(), plan.subject(), JournalAction.WROTE, plan.reason(), plan.ruleIds(), null);
            } else {
                announcements.settle(interrupted, adopted.id(), plan.subject(), JournalAction.WROTE, plan.reason()
                        + ": the create announced earlier had landed although its answer was lost", plan.ruleIds(), null);
            }
            return null;
        });
        // Now linked: bring the copy up to date with whatever changed on the origin meanwhile.
        SyncResult followUp = sync(plan.subject());
        return SyncResult.applied("linked existing " + earlier.displayKey() + "; " + followUp.reason());
    }

    private SyncResult reconcile(SyncPlan plan, List<WriteIntent> interrupted) {
        ExternalSystem system = plan.subject().system();
        Link link = plan.link().orElseThrow();
        List<WriteIntent> announced = new ArrayList<>();
        for (PlannedWrite write : plan.writes()) {
            announced.add(announcements.announce(link.id(), new ExternalRef(write.side(), write.recordId()),
                    write.fields().contains("status") && write.fields().size() == 1 ? Operation.TRANSITION
                            : Operation.UPDATE, write.side(), write.recordId(), link.correlationId(),
                    "about to write " + String.join(", ", new TreeSet<>(write.fields())) + " to "
                            + write.displayKey() + ": " + plan.reason(), plan.ruleIds(), null));
            timed(write.side(), "update", () -> {
                sides.get(write.side()).update(write.recordId(), write.payload(), plan.mapping());
                return null;
            });
        }
        return recorded(() -> {
            Snapshots remembered = plan.snapshots().orElseThrow();
            Link updated = links.update(link
                    .withSnapshot(system, new Snapshot(remembered.source(), clock.instant()))
                    .withSnapshot(SyncPair.ACTION_ITEMS.counterpart(system), new Snapshot(remembered.target(), clock.instant())));
            Decision decision = plan.decision().orElseThrow();
            decision.conflicts().forEach(conflict -> record(updated.id(), plan.subject(), JournalAction.CONFLICT,
                    conflict.describe(), plan.ruleIds(), null));
            settleChecked(interrupted, updated.id(), plan);
            if (!plan.writesSomething()) {
                return skip(plan.subject(), updated.id(), plan.reason(), plan.ruleIds());
            }
            announcements.settle(announced, updated.id(), plan.subject(), JournalAction.WROTE, plan.reason(),
                    plan.ruleIds(), "to " + plan.target().orElseThrow().displayKey() + ": " + decision.writes()
                            + (decision.corrections().isEmpty() ? "" : "; back to "
                            + plan.record().orElseThrow().displayKey() + ": " + decision.corrections()));
            return SyncResult.applied(plan.reason());
        });
    }

    private SyncResult cancel(SyncPlan plan, List<WriteIntent> interrupted) {
        PlannedWrite write = plan.writes().get(0);
        Link link = plan.link().orElseThrow();
        WriteIntent intent = announcements.announce(link.id(), new ExternalRef(write.side(), write.recordId()),
                Operation.CANCEL, write.side(), write.recordId(), link.correlationId(),
                "about to cancel " + write.displayKey() + ": " + plan.reason(), plan.ruleIds(), null);
        timed(write.side(), "cancel", () -> {
            sides.get(write.side()).update(write.recordId(), write.payload(), plan.mapping());
            return null;
        });
        return recorded(() -> {
            settleChecked(interrupted, link.id(), plan);
            remember(plan);
            announcements.settle(List.of(intent), link.id(), plan.subject(), JournalAction.WROTE, plan.reason(),
                    plan.ruleIds(), null);
            return SyncResult.applied("cancelled " + write.displayKey());
        });
    }

    private SyncResult leaveDeleted(SyncPlan plan, List<WriteIntent> interrupted) {
        return recorded(() -> {
            UUID linkId = plan.link().orElseThrow().id();
            settleChecked(interrupted, linkId, plan);
            remember(plan);
            return skip(plan.subject(), linkId, plan.reason(), plan.ruleIds());
        });
    }

    /** After the write: a deletion is handled once, and its record's 404s are not taken for lost access later. */
    private void remember(SyncPlan plan) {
        DeletionNotice notice = plan.deletion().orElseThrow();
        unreadable.forget(plan.subject());
        deletions.remember(new DeletedRecord(plan.subject(), plan.link().orElseThrow().id(), notice.displayKey(),
                notice.kind(), clock.instant()));
    }

    private SyncResult noteDeletion(SyncPlan plan, List<WriteIntent> interrupted) {
        PlannedWrite write = plan.writes().get(0);
        Link link = plan.link().orElseThrow();
        String text = write.payload().text(DeletionNote.TEXT, "");
        WriteIntent intent = announcements.announce(link.id(), new ExternalRef(write.side(), write.recordId()),
                Operation.COMMENT, write.side(), write.recordId(), link.correlationId(),
                "about to note on " + write.displayKey() + " that its counterpart was deleted: " + plan.reason(),
                plan.ruleIds(), text);
        timed(write.side(), "note", () -> {
            sides.get(write.side()).addNote(write.recordId(), text, plan.mapping());
            return null;
        });
        return recorded(() -> {
            settleChecked(interrupted, link.id(), plan);
            remember(plan);
            announcements.settle(List.of(intent), link.id(), plan.subject(), JournalAction.WROTE, plan.reason(),
                    plan.ruleIds(), text);
            return SyncResult.applied("noted the deletion on " + write.displayKey());
        });
    }

    /** Nothing is written; the record that answered 404 is counted, as many at once point to a permission change. */
    private SyncResult unreadable(SyncPlan plan) {
        Link link = plan.link().orElseThrow();
        ExternalSystem system = plan.record().isPresent() ? SyncPair.ACTION_ITEMS.counterpart(plan.subject().system()) : plan.subject().system();
        link.idOn(system).ifPresent(id -> unreadable.saw(new ExternalRef(system, id),
                UnreadableRecords.where(system, plan.mapping())));
        return skip(plan.subject(), link.id(), plan.reason(), plan.ruleIds());
    }

    /**
     * Writes an earlier run announced but never recorded, settled by this run: it read both records again, so
     * whatever of them landed is what it compared, and whatever did not is what it writes now.
     */
    private void settleChecked(List<WriteIntent> interrupted, UUID linkId, SyncPlan plan) {
        announcements.settle(interrupted, linkId, plan.subject(), JournalAction.SKIPPED, "interrupted write(s) "
                + "checked by reading both records again: " + plan.reason(), plan.ruleIds(), null);
    }

    /** The link, journal and intent records of one run, committed together (with the inbox outcome, if in one). */
    private <T> T recorded(Supplier<T> records) {
        return recording.execute(status -> records.get());
    }

    private static String markerOf(SyncPlan plan) {
        return plan.correlationId() != null ? plan.correlationId() : plan.link().map(Link::correlationId).orElse(null);
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
                .withExternalId(SyncPair.ACTION_ITEMS.counterpart(ref.system()), other.id())
                .withSnapshot(ref.system(), new Snapshot(remembered.source(), clock.instant()))
                .withSnapshot(SyncPair.ACTION_ITEMS.counterpart(ref.system()), new Snapshot(remembered.target(), clock.instant()));
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
