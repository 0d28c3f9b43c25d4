package io.retrobridge.flow.items;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.DeletedRecord;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.FieldPolicy;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.flow.items.SyncPlan.Action;
import io.retrobridge.flow.items.SyncPlan.Snapshots;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.ExternalWrite;
import io.retrobridge.mapping.MappedItem;
import io.retrobridge.mapping.RecordFields;
import io.retrobridge.sync.CorrelationIds;
import io.retrobridge.sync.CounterpartLookup;
import io.retrobridge.sync.Decision;
import io.retrobridge.sync.DeletedRecords;
import io.retrobridge.sync.KnownPair;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.Observation;
import io.retrobridge.sync.PolledRecord;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SideRecord;
import io.retrobridge.sync.SyncDecider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Works out what syncing one record would do: reads it and its counterpart fresh, maps both, lets the
 * decide step compare them with the link's snapshots and builds the exact bodies to send. It only reads,
 * so the sync and the mapping preview share it and a preview can never drift from what a sync does.
 *
 * <p>A record new to the connector that a poll page read is not read again: its event carries it, with what the
 * page's batched look-up by correlation id found. A linked record is always read fresh: a page read before the
 * connector's last write could otherwise be taken for a change and undo that write.
 */
@Component
public class SyncPlanner {

    /** How long what a poll page read stands in for a read; a replayed or long-waiting event reads again. */
    static final Duration POLLED_FRESH_FOR = Duration.ofMinutes(10);

    private final CurrentMappings mappings;
    private final Map<ExternalSystem, SideGateway> sides = new TreeMap<>();
    private final LinkStore links;
    private final DeletedRecords deletions;
    private final Clock clock;

    public SyncPlanner(CurrentMappings mappings, List<SideGateway> sides, LinkStore links, DeletedRecords deletions,
            Optional<Clock> clock) {
        this.mappings = mappings;
        sides.forEach(side -> this.sides.put(side.system(), side));
        this.links = links;
        this.deletions = deletions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * The plan for the record {@code ref} names, as things are now.
     *
     * @param ref a Jira issue id or key, or a ServiceNow sys_id
     * @throws IllegalArgumentException when the id cannot name a record on that system
     */
    public SyncPlan plan(ExternalRef ref) {
        return plan(ref, Optional.empty());
    }

    /**
     * As {@link #plan(ExternalRef)}, for an event that may be a verified delete notice: only such a notice lets a
     * record that cannot be read count as deleted.
     */
    public SyncPlan plan(ExternalRef ref, Optional<DeletionNotice> notice) {
        return plan(ref, notice, Optional.empty());
    }

    /**
     * As {@link #plan(ExternalRef, Optional)}, for the event that brought the record up: a poll event about a record
     * not linked yet carries the record as its page read it, which then stands in for a read while fresh.
     */
    public SyncPlan plan(ExternalRef ref, Optional<DeletionNotice> notice, Optional<InboundEvent> event) {
        ActionItemMapping mapping = mappings.actionItems();
        SideGateway source = sides.get(ref.system());
        Optional<PolledRecord> polled = event.flatMap(e -> source.polled(e.kind(), e.payload(), mapping))
                .filter(p -> standsInForRead(p, ref));
        Optional<SideRecord> record = polled.isPresent() ? polled.map(PolledRecord::record)
                : source.read(ref.id(), mapping);
        // Links store Jira issue ids; a key resolves to its id through the read.
        ExternalRef subject = record.map(r -> new ExternalRef(ref.system(), r.id())).orElse(ref);
        // A record linked as something else (a change request's Jira mirror) is no action item.
        Optional<Link> link = links.findByExternal(subject).filter(found -> found.kind() == EntityKind.ACTION_ITEM);
        Plan plan = new Plan(subject, mapping);
        plan.record = record;
        plan.link = link;
        plan.polled = polled;
        if (record.isEmpty()) {
            if (link.isEmpty()) {
                return plan.done(Action.SKIP, "record cannot be read (deleted, or hidden from the integration account)"
                        + " and was never synced");
            }
            Optional<DeletedRecord> handled = deletions.find(subject);
            if (handled.isPresent()) {
                return plan.done(Action.SKIP, handled(handled.get()) + "; its deletion was handled then");
            }
            Optional<DeletionNotice> proof = notice.filter(n -> n.proves(subject, mapping));
            return proof.isPresent() ? deleted(plan, link.get(), proof.get())
                    : plan.done(Action.UNREADABLE, unreadable(subject.system(), subject.id(), mapping)
                            + "; nothing written to the linked record " + link.get().idOn(SyncPair.ACTION_ITEMS.counterpart(subject.system()))
                            .orElse("") + " on " + SyncPair.ACTION_ITEMS.counterpart(subject.system()));
        }
        plan.inScope = polled.isPresent() ? source.inScopeAsPolled(record.get(), mapping)
                : source.inScope(record.get(), mapping);
        if (link.isEmpty() && !plan.inScope) {
            plan.mapped = readIfPossible(mapping, ref.system(), record.get());
            return plan.done(Action.OUT_OF_SCOPE, "out of the mapping's scope");
        }
        MappedItem mapped = mapping.read(ref.system(), record.get().fields());
        plan.mapped = Optional.of(mapped);
        plan.ruleIds.addAll(mapped.ruleIds());
        List<FieldPolicy> policies = CanonicalProjection.policies(mapping);
        Observation observed = new Observation(ref.system(), CanonicalProjection.of(mapped.item(), policies),
                record.get().updatedAt());
        return link.isPresent()
                ? update(plan, link.get(), record.get(), mapped, observed, policies)
                : createOrAdopt(plan, record.get(), mapped, observed, policies);
    }

    private SyncPlan createOrAdopt(Plan plan, SideRecord record, MappedItem mapped, Observation observed,
            List<FieldPolicy> policies) {
        SideGateway target = sides.get(SyncPair.ACTION_ITEMS.counterpart(plan.subject.system()));
        ActionItemMapping mapping = plan.mapping;
        plan.correlationId = CorrelationIds.forOrigin(plan.subject);
        Optional<SideRecord> earlier = earlierCopy(plan, target);
        if (earlier.isPresent()) {
            ActionItem there = mapping.read(target.system(), earlier.get().fields()).item();
            plan.target = earlier;
            // The copy is what we last wrote: remember it as agreed on both sides, so an edit made to the
            // origin since (while the link was missing) still looks like a change and reaches the copy.
            Map<String, String> copy = CanonicalProjection.of(there, policies);
            plan.snapshots = Optional.of(new Snapshots(copy, copy));
            return plan.done(Action.ADOPT, "linked " + earlier.get().displayKey() + " found by correlation id "
                    + plan.correlationId + " instead of creating it again");
        }
        Decision decision = new SyncDecider(policies).decide(observed, Optional.empty());
        ExternalWrite write = mapping.toNewRecord(target.system(), mapped.item());
        RecordFields body = target.newRecordBody(write.fields(), plan.correlationId, mapping);
        plan.decision = Optional.of(decision);
        plan.add(new PlannedWrite(target.system(), null, null, decision.sourceSnapshot().keySet(), body,
                write.ruleIds(), write.notes()));
        // The new record holds every synced field, so both sides start from the same projection.
        plan.snapshots = Optional.of(new Snapshots(decision.sourceSnapshot(), decision.sourceSnapshot()));
        return plan.done(Action.CREATE, "new in scope: " + record.displayKey());
    }

    /**
     * The copy an earlier create made, looked up before any create: answered by the poll page's batched look-up
     * while it is fresh (the create is then judged by when that look-up was made), else asked now.
     */
    private Optional<SideRecord> earlierCopy(Plan plan, SideGateway target) {
        Optional<CounterpartLookup> answered = plan.polled.flatMap(PolledRecord::counterpart)
                .filter(lookup -> lookup.correlationId().equals(plan.correlationId) && fresh(lookup.lookedAt()));
        if (answered.isPresent()) {
            Optional<String> foundId = answered.get().foundId();
            if (foundId.isEmpty()) {
                plan.lookedUpAt = answered.map(CounterpartLookup::lookedAt);
                return Optional.empty();
            }
            Optional<SideRecord> found = target.read(foundId.get(), plan.mapping);
            if (found.isPresent()) {
                return found;
            }
        }
        return target.findByCorrelation(plan.correlationId, plan.mapping);
    }

    /** A page's record stands in for a read while fresh, and only for a record not linked yet. */
    private boolean standsInForRead(PolledRecord polled, ExternalRef ref) {
        return polled.record().id().equals(ref.id()) && fresh(polled.polledAt())
                && links.findByExternal(new ExternalRef(ref.system(), polled.record().id())).isEmpty();
    }

    private boolean fresh(Instant at) {
        return !at.isBefore(clock.instant().minus(POLLED_FRESH_FOR));
    }

    private SyncPlan update(Plan plan, Link link, SideRecord record, MappedItem mapped, Observation observed,
            List<FieldPolicy> policies) {
        ExternalSystem system = plan.subject.system();
        SideGateway source = sides.get(system);
        SideGateway target = sides.get(SyncPair.ACTION_ITEMS.counterpart(system));
        ActionItemMapping mapping = plan.mapping;
        String targetId = link.idOn(target.system()).orElseThrow();
        Optional<SideRecord> targetRecord = target.read(targetId, mapping);
        if (targetRecord.isEmpty()) {
            Optional<DeletedRecord> handled = deletions.find(new ExternalRef(target.system(), targetId));
            if (handled.isPresent()) {
                return plan.done(Action.SKIP, "its linked record " + handled(handled.get())
                        + "; nothing to sync with it");
            }
            return plan.done(Action.UNREADABLE, "its linked record: " + unreadable(target.system(), targetId, mapping)
                    + "; nothing written to " + record.displayKey());
        }
        plan.target = targetRecord;
        MappedItem there = mapping.read(target.system(), targetRecord.get().fields());
        KnownPair pair = new KnownPair(fields(link.snapshotOn(system)), fields(link.snapshotOn(target.system())),
                targetRecord.get().updatedAt(), Optional.of(CanonicalProjection.of(there.item(), policies)));
        Decision decision = new SyncDecider(policies).decide(observed, Optional.of(pair));
        plan.decision = Optional.of(decision);
        if (!decision.writes().isEmpty()) {
            plan.add(changes(target, targetId, targetRecord.get().displayKey(), there.item(), mapped.item(),
                    decision.writes().keySet(), mapping));
        }
        if (!decision.corrections().isEmpty()) {
            plan.add(changes(source, record.id(), record.displayKey(), mapped.item(), there.item(),
                    decision.corrections().keySet(), mapping));
        }
        plan.snapshots = Optional.of(new Snapshots(decision.sourceSnapshot(), decision.targetSnapshot()));
        return plan.done(decision.writesSomething() ? Action.UPDATE : Action.SKIP, String.join("; ", decision.reasons()));
    }

    private static String handled(DeletedRecord deleted) {
        return deleted.displayKey() + " was deleted on " + deleted.record().system() + " (a verified "
                + deleted.evidence() + " notice, handled at " + deleted.deletedAt() + ")";
    }

    /**
     * A 404 in words. Jira answers 404 for an issue the account may not see (issue security, a project permission)
     * as for a deleted one, and ServiceNow for a record an ACL hides; only a delete notice tells them apart.
     */
    private static String unreadable(ExternalSystem system, String id, ActionItemMapping mapping) {
        String where = UnreadableRecords.where(system, mapping);
        return system + " answered 404 for " + id + ": deleted, or hidden from the integration account by a permission,"
                + " issue-security or ACL change on " + where + "; without a verified delete notice it is not taken"
                + " for deleted";
    }

    /**
     * Proven deleted: the mapping's {@code on-delete} says what happens to the other side. Deletion is never
     * mirrored; cancelling and commenting can both be undone by people.
     */
    private SyncPlan deleted(Plan plan, Link link, DeletionNotice notice) {
        SideGateway target = sides.get(SyncPair.ACTION_ITEMS.counterpart(plan.subject.system()));
        ActionItemMapping mapping = plan.mapping;
        String targetId = link.idOn(target.system()).orElseThrow();
        plan.deletion = Optional.of(notice);
        String cause = notice.displayKey() + " deleted on " + plan.subject.system() + " (" + notice.describe() + ")";
        Optional<SideRecord> targetRecord = target.read(targetId, mapping);
        if (targetRecord.isEmpty()) {
            return plan.done(Action.LEAVE_DELETED, cause + "; its linked record " + targetId + " on "
                    + target.system() + " cannot be read either; nothing to do");
        }
        plan.target = targetRecord;
        SideRecord survivor = targetRecord.get();
        MappedItem there = mapping.read(target.system(), survivor.fields());
        plan.ruleIds.addAll(there.ruleIds());
        return switch (mapping.onDelete()) {
            case LEAVE -> plan.done(Action.LEAVE_DELETED, cause + "; on-delete: leave, so " + survivor.displayKey()
                    + " is left as it is");
            case COMMENT -> {
                String text = DeletionNote.text(plan.subject.system(), notice.displayKey());
                plan.add(new PlannedWrite(target.system(), targetId, survivor.displayKey(), Set.of(),
                        DeletionNote.payload(text), List.of(), List.of()));
                yield plan.done(Action.NOTE_DELETION, cause + "; on-delete: comment, so a note says so on "
                        + survivor.displayKey());
            }
            case CANCEL -> {
                if (there.item().status() == ActionStatus.CANCELLED || there.item().status() == ActionStatus.DONE) {
                    yield plan.done(Action.LEAVE_DELETED, cause + "; on-delete: cancel, but " + survivor.displayKey()
                            + " is already closed");
                }
                plan.add(changes(target, targetId, survivor.displayKey(), there.item(),
                        CanonicalProjection.withStatus(there.item(), ActionStatus.CANCELLED), Set.of("status"), mapping));
                yield plan.done(Action.CANCEL, cause + "; on-delete: cancel, so " + survivor.displayKey()
                        + " is cancelled (deletions are never mirrored)");
            }
        };
    }

    /** Shown by a preview; a record we do not sync must never fail its event, whatever it holds. */
    private static Optional<MappedItem> readIfPossible(ActionItemMapping mapping, ExternalSystem system,
            SideRecord record) {
        try {
            return Optional.of(mapping.read(system, record.fields()));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** An update of {@code fields} only, so a concurrent edit of another field on that side survives. */
    private static PlannedWrite changes(SideGateway side, String id, String displayKey, ActionItem current,
            ActionItem changes, Set<String> fields, ActionItemMapping mapping) {
        ActionItem merged = CanonicalProjection.merge(current, changes, fields);
        ExternalWrite write = mapping.toExternal(side.system(), merged);
        RecordFields subset = WriteSubset.of(write.fields(), side.system(), fields, mapping);
        return new PlannedWrite(side.system(), id, displayKey, fields, subset, write.ruleIds(), write.notes());
    }

    private static Map<String, String> fields(Optional<Snapshot> snapshot) {
        return snapshot.map(s -> {
            Map<String, String> values = new HashMap<>();
            s.fields().forEach((k, v) -> values.put(k, v == null ? "" : v));
            return values;
        }).orElse(Map.of());
    }

    /** The plan as it is filled in along the way. */
    private static final class Plan {
        final ExternalRef subject;
        final ActionItemMapping mapping;
        final List<PlannedWrite> writes = new ArrayList<>();
        final List<String> ruleIds = new ArrayList<>();
        Optional<SideRecord> record = Optional.empty();
        Optional<MappedItem> mapped = Optional.empty();
        boolean inScope;
        Optional<Link> link = Optional.empty();
        Optional<SideRecord> target = Optional.empty();
        Optional<Decision> decision = Optional.empty();
        Optional<Snapshots> snapshots = Optional.empty();
        String correlationId;
        Optional<DeletionNotice> deletion = Optional.empty();
        Optional<PolledRecord> polled = Optional.empty();
        Optional<Instant> lookedUpAt = Optional.empty();

        Plan(ExternalRef subject, ActionItemMapping mapping) {
            this.subject = subject;
            this.mapping = mapping;
        }

        void add(PlannedWrite write) {
            writes.add(write);
            ruleIds.addAll(write.ruleIds());
        }

        SyncPlan done(Action action, String reason) {
            return new SyncPlan(action, subject, record, mapped, inScope, link, target, decision, correlationId,
                    writes, snapshots, reason, ruleIds, mapping, deletion, lookedUpAt);
        }
    }
}
