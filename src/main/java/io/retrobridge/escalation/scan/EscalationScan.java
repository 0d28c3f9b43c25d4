package io.retrobridge.escalation.scan;

import static io.retrobridge.escalation.scan.EscalationFailures.describe;
import static io.retrobridge.escalation.scan.EscalationFailures.itemRef;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.escalation.EscalationMarkers;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationStore;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.escalation.FollowUpFact;
import io.retrobridge.escalation.FollowUpStore;
import io.retrobridge.escalation.ItemPlan;
import io.retrobridge.escalation.Resolution;
import io.retrobridge.escalation.StepDue;
import io.retrobridge.escalation.scan.BoardQueues.Ticket;
import io.retrobridge.flow.writes.CreateSettleTimes;
import io.retrobridge.flow.writes.WriteAnnouncements;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.StepAction;
import io.retrobridge.sync.DeadLetterStore;
import io.retrobridge.sync.Fence;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LeaderTerm;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntent;
import io.retrobridge.sync.WriteIntents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overdue scan: reads every linked action item on both sides, asks the planner what each one is owed now, and
 * writes it once. Each step is claimed in the store before anything is written, so concurrent scans, other
 * instances and restarts never write a step twice; a claim a crash left behind is finished by looking the ticket's
 * marker up first. A step refused for good is parked as a dead letter; one that failed for a passing reason stays
 * claimed for the next scan. One item's failure never stops the others. With several instances a scan stops before
 * its next item once this instance no longer leads under the term it started with: the new leader scans.
 * <p>Its parts each have their own class: {@link EscalationFailures} (retry or park), {@link ItemMarkers} (the
 * label / field on the item), {@link CycleTickets} (one ticket per board and cycle) and {@link ScanTally}.
 */
public class EscalationScan {

    /** The kind of the inbox event a parked step's dead letter carries; replaying it re-runs that item. */
    public static final String DEAD_LETTER_KIND = "escalation:step";

    private static final Logger log = LoggerFactory.getLogger(EscalationScan.class);
    private static final int PROGRESS_EVERY = 500;
    /** A replayed item waits this long for a running scan to finish before giving up. */
    private static final long ITEM_WAIT_SECONDS = 120;
    /**
     * A claim older than this belongs to a scan that died (a live scan writes a step within seconds); the next
     * scan finishes it. Younger claims belong to a scan still running, here or on another instance, and are left
     * to it. With several instances a claim made under an older leadership term than the one this instance leads
     * under is abandoned at once: the instance that made it no longer leads, and the marker look-up keeps a ticket it
     * created from being created again.
     */
    public static final Duration ABANDONED_CLAIM = Duration.ofMinutes(10);

    private final ReentrantLock running = new ReentrantLock();
    /** Parked steps this instance took up again (dead letter replayed): finished by the next scan of their item. */
    private final Set<UUID> reclaimed = ConcurrentHashMap.newKeySet();
    private final CurrentMappings mappings;
    private final EscalationStore store;
    private final FollowUpStore followUps;
    private final EscalationItems reader;
    private final BoardQueues queues;
    private final ItemWrites writes;
    private final Clock clock;
    private final EscalationFailures failures;
    private final ItemMarkers markers;
    private final CycleTickets cycleTickets;
    private final WriteAnnouncements announcements;
    private final BoardTickets tickets;
    private final LeaderTerm leadership;

    EscalationScan(CurrentMappings mappings, EscalationStore store, FollowUpStore followUps, EscalationItems reader,
            BoardQueues queues, ItemWrites writes, Journal journal, DeadLetterStore deadLetters, WriteIntents intents,
            CreateSettleTimes settleTimes, LeaderTerm leadership, Clock clock) {
        this.leadership = leadership;
        this.mappings = mappings;
        this.store = store;
        this.followUps = followUps;
        this.reader = reader;
        this.queues = queues;
        this.writes = writes;
        this.clock = clock;
        this.failures = new EscalationFailures(store, journal, deadLetters, clock);
        this.announcements = new WriteAnnouncements(intents, clock);
        this.markers = new ItemMarkers(writes, failures, announcements);
        this.tickets = new BoardTickets(queues, announcements, settleTimes, journal, clock);
        this.cycleTickets = new CycleTickets(store, tickets, queues, journal, clock);
    }

    /**
     * Scans every linked action item now.
     *
     * @throws ScanAlreadyRunningException when this instance is running a scan already
     */
    public ScanSummary scan() {
        if (!running.tryLock()) {
            throw new ScanAlreadyRunningException();
        }
        try {
            return run(Optional.empty());
        } finally {
            running.unlock();
        }
    }

    /**
     * Scans one item (a replayed dead letter), reading the others too so recurrence is judged as in a full scan.
     *
     * @param itemKey the item's link correlation id (rb-...)
     * @throws ScanAlreadyRunningException when a running scan did not finish within two minutes
     */
    public ScanSummary scanItem(String itemKey) {
        try {
            if (!running.tryLock(ITEM_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ScanAlreadyRunningException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanAlreadyRunningException();
        }
        try {
            return run(Optional.of(itemKey));
        } finally {
            running.unlock();
        }
    }

    /** A parked step taken up again (its dead letter was replayed): the next scan of its item writes it. */
    public boolean reclaim(UUID recordId) {
        boolean taken = store.reclaim(recordId);
        if (taken) {
            reclaimed.add(recordId);
        }
        return taken;
    }

    private ScanSummary run(Optional<String> onlyItem) {
        Instant started = clock.instant();
        ScanTally tally = new ScanTally();
        Optional<EscalationPolicy> current = mappings.escalations();
        if (current.isEmpty()) {
            tally.skip("-", "no escalations.yaml is in force, so nothing escalates");
            return tally.summary(started, clock.instant());
        }
        EscalationPolicy policy = current.get();
        ActionItemMapping mapping = mappings.actionItems();
        LocalDate today = LocalDate.ofInstant(started, policy.calendar().zone());
        EscalationItems.Read read = reader.readAll(mapping, policy);
        if (onlyItem.isEmpty()) {
            read.notLinked().forEach(key -> tally.skip(key, "not linked yet"));
        }
        List<EscalationSubject> population = read.items().stream().map(ScannedItem::subject).toList();
        ScanPlanning planning = new ScanPlanning(policy, population, today);
        Run scan = new Run(policy, mapping, today, planning, tally);
        read.items().forEach(item -> scan.items.put(item.key(), item));
        List<ScannedItem> todo = read.items().stream().filter(i -> onlyItem.map(i.key()::equals).orElse(true)).toList();
        if (onlyItem.isPresent() && todo.isEmpty()) {
            tally.skip(onlyItem.get(), "not in the mapping's scope on either side, or not linked");
        }
        int done = 0;
        Long startedUnder = currentTerm();
        for (ScannedItem item : todo) {
            if (startedUnder != null && !startedUnder.equals(currentTerm())) {
                // Another instance leads now and scans itself; this one stops before writing more beside it.
                log.info("Escalation scan stopped after {} of {} items: this instance no longer leads under term {};"
                        + " the instance leading now finishes the scan", done, todo.size(), startedUnder);
                return tally.summary(started, clock.instant());
            }
            tally.items++;
            try {
                scan.process(item);
            } catch (RuntimeException e) {
                // Reading its history or planning failed: this item waits for the next scan, the others go on.
                failures.retrying(item, "Escalation scan could not look at " + item.displayKey() + ": " + describe(e),
                        List.of(), tally);
                log.warn("Escalation scan skipped {} after an error: {}", item.displayKey(), describe(e));
            }
            if (++done % PROGRESS_EVERY == 0) {
                log.info("Escalation scan: {} of {} items done", done, todo.size());
            }
        }
        scan.touchedGroups.addAll(cycleTickets.unopened());
        cycleTickets.maintain(scan.touchedGroups, policy, planning, scan.items, tally);
        Instant finished = clock.instant();
        ScanSummary summary = tally.summary(started, finished);
        log.info("Escalation scan finished: {} items, {} raised, {} resolved, {} parked, {} retrying, {} skipped",
                summary.items(), summary.raised(), summary.resolved(), summary.parked(), summary.retrying(),
                summary.skippedCount());
        return summary;
    }

    /** One scan's state: the policy and mapping it started with, what it read and what it did. */
    private final class Run {
        final EscalationPolicy policy;
        final ActionItemMapping mapping;
        final LocalDate today;
        final ScanPlanning planning;
        final ScanTally tally;
        final Map<String, ScannedItem> items = new HashMap<>();
        final Set<String> touchedGroups = new LinkedHashSet<>();
        /** The last claim instant this scan gave; see {@link #claimInstant()}. */
        private Instant lastClaim = Instant.MIN;

        Run(EscalationPolicy policy, ActionItemMapping mapping, LocalDate today, ScanPlanning planning,
                ScanTally tally) {
            this.policy = policy;
            this.mapping = mapping;
            this.today = today;
            this.planning = planning;
            this.tally = tally;
        }

        void process(ScannedItem item) {
            List<EscalationRecord> history = store.forItem(item.key());
            Map<String, EscalationRecord> claimed = new LinkedHashMap<>();
            List<EscalationRecord> settled = new ArrayList<>();
            Instant abandonedBefore = clock.instant().minus(ABANDONED_CLAIM);
            Long term = currentTerm();
            for (EscalationRecord record : history) {
                if (record.state() != EscalationState.CLAIMED) {
                    settled.add(record);
                } else if (reclaimed.remove(record.id()) || record.claimedAt() == null
                        || record.claimedAt().isBefore(abandonedBefore) || claimedByAFormerLeader(record, term)) {
                    claimed.put(stepKey(record.ladderId(), record.stepId()), record);
                }
                // A younger claim is another scan's, still writing: planned as due, its claim then fails, so this
                // scan leaves it alone.
            }
            // A claimed step is planned as if it had not been reached, so the planner hands back its texts; it is
            // then finished under the existing claim instead of being claimed again.
            ItemPlan plan = planning.plan(item.subject(), settled);
            for (StepDue step : plan.due()) {
                EscalationRecord unfinished = claimed.remove(stepKey(step.ladderId(), step.stepId()));
                if (unfinished != null) {
                    write(item, unfinished, step, true);
                    continue;
                }
                EscalationRecord claim = claimFor(item, step);
                if (!store.claim(claim)) {
                    tally.skip(item.displayKey(), "step " + step.ladderId() + "/" + step.stepId()
                            + " was taken by another scan");
                    continue;
                }
                write(item, claim, step, false);
            }
            claimed.values().forEach(record -> adoptIfFound(item, record));
            plan.resolutions().forEach(resolution -> resolve(item, resolution));
            List<EscalationRecord> now = store.forItem(item.key());
            markers.mark(item, now, policy, mapping, tally);
            followUps.save(fact(item, now));
        }

        private EscalationRecord claimFor(ScannedItem item, StepDue step) {
            boolean ticket = step.action() instanceof StepAction.RaiseTicket;
            ExternalSystem ticketSystem = ticket && !step.grouped()
                    ? policy.board(step.boardId()).queue().system() : null;
            return new EscalationRecord(UUID.randomUUID(), item.key(), step.ladderId(), step.stepId(), step.boardId(),
                    step.kind(), ticketSystem, null, null, step.grouped() ? step.groupKey() : null,
                    EscalationMarkers.ticketMarker(item.key(), step.ladderId(), step.stepId()), EscalationState.CLAIMED,
                    step.daysOverdue(), claimInstant(), null, null, step.reason(), currentTerm());
        }

        /**
         * Now, but always after the previous claim of this scan (by a microsecond, what the database keeps): the
         * store lists an item's history by claim time, so steps claimed in one scan keep the ladder's order (remind
         * before its board, systemic last) in the {{history}} text and in who holds the item.
         */
        private Instant claimInstant() {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            lastClaim = now.isAfter(lastClaim) ? now : lastClaim.plus(1, ChronoUnit.MICROS);
            return lastClaim;
        }

        /** Writes one claimed step. {@code unfinished}: a crash may have written it already, so look first. */
        private void write(ScannedItem item, EscalationRecord record, StepDue step, boolean unfinished) {
            List<String> rules = List.of(step.ladderId(), step.stepId());
            try {
                if (step.action() instanceof StepAction.RaiseTicket raise && step.grouped()) {
                    store.markRaised(record.id(), null, null, clock.instant(), step.reason());
                    touchedGroups.add(step.groupKey());
                    note(item, itemRef(item), JournalAction.WROTE, "Listed " + item.displayKey() + " on the "
                            + policy.board(raise.boardId()).name() + " cycle ticket " + step.groupKey(), rules);
                } else if (step.action() instanceof StepAction.RaiseTicket raise) {
                    Board board = policy.board(raise.boardId());
                    BoardTickets.Opened opened = tickets.open(board, record.marker(), unfinished, step.title(),
                            step.body(), itemRef(item), item.link().id(), rules);
                    Ticket ticket = opened.ticket();
                    store.markRaised(record.id(), ticket.id(), ticket.key(), clock.instant(), step.reason());
                    recordOpened(item, opened, "Escalated " + item.displayKey() + " to " + board.name() + ": "
                            + ticket.key() + (opened.foundEarlier() ? " (found by its marker " + record.marker()
                            + " after an interrupted scan; not created again)" : ""), rules);
                } else if (step.action() instanceof StepAction.Remind) {
                    String summary = "Reminded the owner of " + item.displayKey() + " (" + step.reason() + ")";
                    announce(item, record.marker(), Operation.COMMENT, itemRef(item), "about to remind the owner of "
                            + item.displayKey() + " (" + step.reason() + ")", rules);
                    List<ExternalRef> refs = writes.remind(item, step.body(), mapping);
                    store.markRaised(record.id(), null, null, clock.instant(), step.reason());
                    for (int i = 0; i < refs.size(); i++) {
                        if (i == 0) {
                            noteSettling(item, record.marker(), refs.get(0), summary, rules);
                        } else {
                            note(item, refs.get(i), JournalAction.WROTE, summary, rules);
                        }
                    }
                } else if (step.action() instanceof StepAction.Reassign reassign) {
                    announce(item, record.marker(), Operation.UPDATE, itemRef(item), "about to re-assign "
                            + item.displayKey() + " to " + reassign.toEmail() + " (" + step.reason() + ")", rules);
                    ExternalRef ref = writes.reassign(item, reassign.toEmail(), step.body(), mapping);
                    store.markRaised(record.id(), null, null, clock.instant(), step.reason());
                    noteSettling(item, record.marker(), ref, "Re-assigned " + item.displayKey() + " to "
                            + reassign.toEmail() + " (" + step.reason() + ")", rules);
                }
                tally.raised++;
            } catch (RuntimeException e) {
                failures.failed(item, record, e, rules, tally);
            }
        }

        /** A claim left by a crash whose step is no longer due: a ticket it created is still adopted. */
        private void adoptIfFound(ScannedItem item, EscalationRecord record) {
            if (record.ticketSystem() == null || record.boardId() == null || !policy.boards().containsKey(record.boardId())) {
                tally.skip(item.displayKey(), "step " + record.ladderId() + "/" + record.stepId()
                        + " is claimed but no longer due; nothing written");
                return;
            }
            List<String> rules = List.of(record.ladderId(), record.stepId());
            try {
                Board board = policy.board(record.boardId());
                Optional<Ticket> found = queues.find(board, record.marker());
                if (found.isEmpty()) {
                    // An announced create the look-up cannot see yet stays claimed: a later scan looks again.
                    tally.skip(item.displayKey(), "step " + record.ladderId() + "/" + record.stepId()
                            + " is claimed but no longer due; no ticket found by its marker");
                    return;
                }
                store.markRaised(record.id(), found.get().id(), found.get().key(), clock.instant(), record.note());
                recordOpened(item, new BoardTickets.Opened(found.get(), true, announcements.openFor(record.marker())),
                        "Adopted " + found.get().key() + " (found by its marker " + record.marker() + ") for "
                                + item.displayKey(), rules);
            } catch (RuntimeException e) {
                failures.failed(item, record, e, rules, tally);
            }
        }

        private void resolve(ScannedItem item, Resolution resolution) {
            EscalationRecord record = resolution.record();
            List<String> rules = List.of(record.ladderId(), record.stepId());
            try {
                ExternalRef subject = itemRef(item);
                if (record.ticketId() != null && record.ticketSystem() != null && record.boardId() != null) {
                    Ticket ticket = new Ticket(record.ticketSystem(), record.ticketId(), record.ticketKey());
                    subject = new ExternalRef(ticket.system(), ticket.id());
                    announce(item, record.marker(), Operation.TRANSITION, subject, "about to resolve "
                            + record.ticketKey() + " of " + item.displayKey() + ": " + resolution.note(), rules);
                    queues.resolve(policy.board(record.boardId()), ticket, resolution.note());
                }
                if (record.groupKey() != null) {
                    touchedGroups.add(record.groupKey());
                }
                store.markResolved(record.id(), clock.instant(), resolution.note());
                tally.resolved++;
                noteSettling(item, record.marker(), subject, "Resolved " + (record.ticketKey() != null
                        ? record.ticketKey() : record.ladderId() + "/" + record.stepId()) + " of " + item.displayKey()
                        + ": " + resolution.note(), rules);
            } catch (RuntimeException e) {
                // Still RAISED: the next scan plans the same resolution and tries again.
                failures.retrying(item, "Resolving " + (record.ticketKey() != null ? record.ticketKey()
                        : record.stepId()) + " of " + item.displayKey() + " failed; the next scan tries again: "
                        + describe(e), rules, tally);
            }
        }

        private FollowUpFact fact(ScannedItem item, List<EscalationRecord> records) {
            EscalationSubject subject = item.subject();
            ActionItem content = subject.item();
            LocalDate completedOn = subject.completedAt() != null
                    ? LocalDate.ofInstant(subject.completedAt(), policy.calendar().zone())
                    : content.status().isClosed() ? today : null;
            boolean escalated = records.stream().anyMatch(r -> r.boardId() != null && r.raisedAt() != null);
            return new FollowUpFact(item.key(), item.displayKey(), content.title(), subject.retrospective(),
                    subject.team(), content.assigneeEmail(), content.dueDate(),
                    content.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), completedOn, escalated,
                    clock.instant());
        }
    }

    /** The term this instance leads under; null with one instance, or while it does not lead. */
    private Long currentTerm() {
        return leadership.current().map(Fence::term).orElse(null);
    }

    /** A claim of a leader that has been succeeded since: it is no longer scanning, whatever the claim's age. */
    private static boolean claimedByAFormerLeader(EscalationRecord record, Long term) {
        return term != null && record.claimTerm() != null && record.claimTerm() < term;
    }

    private static String stepKey(String ladderId, String stepId) {
        return ladderId + "\u0000" + stepId;
    }

    /** Announces a write of a step before it is sent; the step's journal entry settles it. */
    private void announce(ScannedItem item, String marker, Operation operation, ExternalRef target, String summary,
            List<String> rules) {
        if (marker != null) {
            announcements.announce(item.link().id(), target, operation, target.system(), target.id(), marker, summary,
                    rules, null);
        }
    }

    /** The step's journal entry, settling every write announced for it (this run's, and a crashed run's). */
    private void noteSettling(ScannedItem item, String marker, ExternalRef subject, String summary, List<String> rules) {
        List<WriteIntent> announced = announcements.openFor(marker);
        if (announced.isEmpty()) {
            note(item, subject, JournalAction.WROTE, summary, rules);
        } else {
            announcements.settle(announced, item.link().id(), subject, JournalAction.WROTE, summary, rules, null);
        }
    }

    /** The journal entry of an opened (or found) ticket, settling the create announced for it. */
    private void recordOpened(ScannedItem item, BoardTickets.Opened opened, String summary, List<String> rules) {
        ExternalRef ticket = new ExternalRef(opened.ticket().system(), opened.ticket().id());
        if (opened.settles().isEmpty()) {
            note(item, ticket, JournalAction.WROTE, summary, rules);
        } else {
            tickets.settle(opened, item.link().id(), ticket, summary, rules);
        }
    }

    private void note(ScannedItem item, ExternalRef subject, JournalAction action, String summary, List<String> rules) {
        failures.note(item, subject, action, summary, rules);
    }
}
