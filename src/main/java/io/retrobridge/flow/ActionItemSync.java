package io.retrobridge.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.EntityKind;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.FieldPolicy;
import io.retrobridge.domain.InboundEvent;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.domain.JournalEntry;
import io.retrobridge.domain.Link;
import io.retrobridge.domain.Snapshot;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.ExternalWrite;
import io.retrobridge.mapping.MappedItem;
import io.retrobridge.sync.Decision;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.KnownPair;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.Observation;
import io.retrobridge.sync.StaleLinkException;
import io.retrobridge.sync.SyncDecider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Syncs one action item after an event about it: reads both records fresh, lets the decide step compare
 * them with the link's snapshots, writes what it decided and records why. The event itself only says
 * which record to look at; what is written always comes from the records as they are now, so late,
 * duplicated or lost notifications cannot make it write stale values.
 */
@Component
public class ActionItemSync {

    private final CurrentMappings mappings;
    private final Map<ExternalSystem, SideGateway> sides;
    private final LinkStore links;
    private final Journal journal;
    private final Clock clock;

    public ActionItemSync(CurrentMappings mappings, List<SideGateway> sides, LinkStore links, Journal journal,
            Optional<Clock> clock) {
        this.mappings = mappings;
        this.sides = new java.util.EnumMap<>(ExternalSystem.class);
        sides.forEach(side -> this.sides.put(side.system(), side));
        this.links = links;
        this.journal = journal;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public SyncResult process(InboundEvent event) {
        try {
            return sync(event.entity());
        } catch (StaleLinkException raced) {
            // Another instance wrote this link between our read and write: look again with fresh state.
            return sync(event.entity());
        }
    }

    /** Syncs the record {@code ref} names, whatever brought it to our attention. */
    public SyncResult sync(ExternalRef ref) {
        ActionItemMapping mapping = mappings.actionItems();
        SideGateway source = sides.get(ref.system());
        SideGateway target = sides.get(ref.system().other());
        Optional<Link> link = links.findByExternal(ref);
        Optional<SideRecord> record = source.read(ref.id(), mapping);
        if (record.isEmpty()) {
            return link.map(l -> cancelOtherSide(l, ref, target, mapping))
                    .orElseGet(() -> skip(ref, null, "record no longer exists and was never synced", List.of()));
        }
        if (link.isEmpty() && !source.inScope(record.get(), mapping)) {
            return SyncResult.skipped("out of the mapping's scope");
        }
        MappedItem mapped = mapping.read(ref.system(), record.get().fields());
        List<FieldPolicy> policies = CanonicalProjection.policies(mapping);
        Observation observed = new Observation(ref.system(), CanonicalProjection.of(mapped.item(), policies),
                record.get().updatedAt());
        return link.isPresent()
                ? update(link.get(), ref, record.get(), mapped, observed, source, target, mapping, policies)
                : createOrAdopt(ref, record.get(), mapped, observed, target, mapping, policies);
    }

    private SyncResult createOrAdopt(ExternalRef ref, SideRecord record, MappedItem mapped, Observation observed,
            SideGateway target, ActionItemMapping mapping, List<FieldPolicy> policies) {
        String correlationId = CorrelationIds.forOrigin(ref);
        Optional<SideRecord> earlier = target.findByCorrelation(correlationId, mapping);
        if (earlier.isPresent()) {
            ActionItem there = mapping.read(target.system(), earlier.get().fields()).item();
            Link adopted = newLink(correlationId, ref, record, earlier.get(), target, observed.fields(),
                    CanonicalProjection.of(there, policies));
            links.insert(adopted);
            record(adopted.id(), ref, JournalAction.WROTE, "linked " + earlier.get().displayKey()
                    + " found by correlation id " + correlationId + " instead of creating it again", mapped.ruleIds(), null);
            return SyncResult.applied("linked existing " + earlier.get().displayKey());
        }
        Decision decision = new SyncDecider(policies).decide(observed, Optional.empty());
        ExternalWrite write = mapping.toNewRecord(target.system(), mapped.item());
        SideRecord created = target.create(write.fields(), correlationId, mapping);
        // The new record holds every synced field, so both sides start from the same projection.
        Link link = newLink(correlationId, ref, record, created, target, decision.sourceSnapshot(), decision.sourceSnapshot());
        links.insert(link);
        List<String> rules = rules(mapped, write);
        record(link.id(), ref, JournalAction.RECEIVED, "new in scope: " + record.displayKey(), rules,
                String.join("; ", mapped.notes()));
        record(link.id(), new ExternalRef(target.system(), created.id()), JournalAction.WROTE,
                "created " + created.displayKey() + " from " + record.displayKey() + " (correlation id "
                        + correlationId + ")", rules, String.join("; ", write.notes()));
        return SyncResult.applied("created " + created.displayKey());
    }

    private SyncResult update(Link link, ExternalRef ref, SideRecord record, MappedItem mapped, Observation observed,
            SideGateway source, SideGateway target, ActionItemMapping mapping, List<FieldPolicy> policies) {
        String targetId = link.idOn(target.system()).orElseThrow();
        Optional<SideRecord> targetRecord = target.read(targetId, mapping);
        if (targetRecord.isEmpty()) {
            return skip(ref, link.id(), "its linked record " + targetId + " on " + target.system()
                    + " no longer exists; nothing written", mapped.ruleIds());
        }
        MappedItem there = mapping.read(target.system(), targetRecord.get().fields());
        KnownPair pair = new KnownPair(fields(link.snapshotOn(ref.system())), fields(link.snapshotOn(target.system())),
                targetRecord.get().updatedAt(), Optional.of(CanonicalProjection.of(there.item(), policies)));
        Decision decision = new SyncDecider(policies).decide(observed, Optional.of(pair));
        List<String> rules = new ArrayList<>(mapped.ruleIds());
        if (!decision.writes().isEmpty()) {
            rules.addAll(write(target, targetId, there.item(), mapped.item(), decision.writes().keySet(), mapping));
        }
        if (!decision.corrections().isEmpty()) {
            rules.addAll(write(source, record.id(), mapped.item(), there.item(), decision.corrections().keySet(), mapping));
        }
        Link updated = links.update(link
                .withSnapshot(ref.system(), new Snapshot(decision.sourceSnapshot(), clock.instant()))
                .withSnapshot(target.system(), new Snapshot(decision.targetSnapshot(), clock.instant())));
        decision.conflicts().forEach(conflict -> record(updated.id(), ref, JournalAction.CONFLICT, conflict.describe(),
                rules, null));
        String reasons = String.join("; ", decision.reasons());
        if (!decision.writesSomething()) {
            return skip(ref, updated.id(), reasons, rules);
        }
        record(updated.id(), ref, JournalAction.WROTE, reasons, List.copyOf(new java.util.LinkedHashSet<>(rules)),
                "to " + targetRecord.get().displayKey() + ": " + decision.writes()
                        + (decision.corrections().isEmpty() ? "" : "; back to " + record.displayKey() + ": "
                        + decision.corrections()));
        return SyncResult.applied(reasons);
    }

    /** Deletion is never mirrored: the other side is cancelled, which people can undo. */
    private SyncResult cancelOtherSide(Link link, ExternalRef ref, SideGateway target, ActionItemMapping mapping) {
        String targetId = link.idOn(target.system()).orElseThrow();
        Optional<SideRecord> targetRecord = target.read(targetId, mapping);
        if (targetRecord.isEmpty()) {
            return skip(ref, link.id(), "deleted on both sides; nothing to do", List.of());
        }
        ActionItem there = mapping.read(target.system(), targetRecord.get().fields()).item();
        if (there.status() == ActionStatus.CANCELLED || there.status() == ActionStatus.DONE) {
            return skip(ref, link.id(), "deleted on " + ref.system() + "; " + targetRecord.get().displayKey()
                    + " is already closed", List.of());
        }
        List<String> rules = write(target, targetId, there, CanonicalProjection.withStatus(there, ActionStatus.CANCELLED),
                Set.of("status"), mapping);
        record(link.id(), ref, JournalAction.WROTE, "deleted on " + ref.system() + ": cancelled "
                + targetRecord.get().displayKey() + " (deletions are never mirrored)", rules, null);
        return SyncResult.applied("cancelled " + targetRecord.get().displayKey());
    }

    private List<String> write(SideGateway side, String id, ActionItem current, ActionItem changes, Set<String> fields,
            ActionItemMapping mapping) {
        ActionItem merged = CanonicalProjection.merge(current, changes, fields);
        ExternalWrite write = mapping.toExternal(side.system(), merged);
        ObjectNode subset = WriteSubset.of(write.fields(), side.system(), fields, mapping);
        side.update(id, subset, mapping);
        return write.ruleIds();
    }

    private Link newLink(String correlationId, ExternalRef ref, SideRecord record, SideRecord other, SideGateway target,
            Map<String, String> sourceFields, Map<String, String> targetFields) {
        return Link.newLink(EntityKind.ACTION_ITEM, correlationId)
                .withExternalId(ref.system(), record.id())
                .withExternalId(target.system(), other.id())
                .withSnapshot(ref.system(), new Snapshot(sourceFields, clock.instant()))
                .withSnapshot(target.system(), new Snapshot(targetFields, clock.instant()));
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

    private static List<String> rules(MappedItem mapped, ExternalWrite write) {
        return List.copyOf(new java.util.LinkedHashSet<>(concat(mapped.ruleIds(), write.ruleIds())));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, String> fields(Optional<Snapshot> snapshot) {
        return snapshot.map(s -> {
            Map<String, String> values = new java.util.HashMap<>();
            s.fields().forEach((k, v) -> values.put(k, v == null ? "" : v));
            return values;
        }).orElse(Map.of());
    }
}
