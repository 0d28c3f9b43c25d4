package io.retrobridge.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.flow.items.PlannedWrite;
import io.retrobridge.flow.items.SyncPlan;
import io.retrobridge.mapping.MappedItem;
import io.retrobridge.mapping.RecordJson;
import io.retrobridge.sync.Decision;
import io.retrobridge.sync.FieldConflict;
import io.retrobridge.sync.SideRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A sync plan as the admin reads it.
 *
 * @param id       the id links store (a Jira key is shown resolved to its issue id)
 * @param key      what people call the record (PAY-12, PTASK0010001)
 * @param item     the canonical item read from the record; null when it could not be read
 * @param notes    defaults that stood in for unmapped values, unknown users, and the like
 * @param inScope  whether the mapping's scope covers the record (a linked record is synced regardless)
 * @param link     its link to the other side; null when it has none yet
 * @param decision what the sync would do now, and exactly what it would send
 */
record MappingPreview(String system, String id, String key, ActionItem item, ClassificationView classification,
        List<String> notes, boolean inScope, LinkView link, DecisionView decision) {

    /** @param reason in words, why the rule matched or why the default was used */
    record ClassificationView(String ruleId, String scope, String kind, String releasePhase, String reason) {
    }

    /** @param other the linked record on the other side; key is null when that record could not be read */
    record LinkView(UUID id, String correlationId, RecordView other) {
    }

    record RecordView(String system, String id, String key) {
    }

    /**
     * @param action  create, adopt, update, cancel, skip or out-of-scope
     * @param reason  why, in the words the journal would use
     * @param writes  each request the sync would send; empty when it would write nothing
     * @param ruleIds every rule that shaped the plan, as the journal would record them
     */
    record DecisionView(String action, String reason, List<WriteView> writes, List<ConflictView> conflicts,
            List<String> ruleIds) {
    }

    /**
     * @param operation create (the whole new record) or update (only the fields that changed)
     * @param id        the record written to; null for a create
     * @param fields    the canonical fields the write carries
     * @param payload   the body sent, in the target system's own shape
     */
    record WriteView(String system, String operation, String id, String key, List<String> fields, JsonNode payload,
            List<String> ruleIds, List<String> notes) {
    }

    /** @param resolution source-written, target-kept or parked */
    record ConflictView(String field, String thisSide, String otherSide, String policy, String resolution,
            String description) {
    }

    static MappingPreview of(SyncPlan plan) {
        SideRecord record = plan.record().orElseThrow();
        Optional<MappedItem> mapped = plan.mapped();
        return new MappingPreview(name(plan.subject().system()), record.id(), record.displayKey(),
                mapped.map(MappedItem::item).orElse(null),
                mapped.map(MappingPreview::classification).orElse(null),
                mapped.map(MappedItem::notes).orElse(List.of()),
                plan.inScope(), link(plan), decision(plan));
    }

    private static ClassificationView classification(MappedItem mapped) {
        Classification c = mapped.item().classification();
        return new ClassificationView(c.ruleId(), yaml(c.scope().name()), yaml(c.kind().name()), c.releasePhase(),
                mapped.classificationReason());
    }

    private static LinkView link(SyncPlan plan) {
        return plan.link().map(link -> {
            ExternalSystem other = SyncPair.ACTION_ITEMS.counterpart(plan.subject().system());
            String otherId = link.idOn(other).orElse(null);
            String otherKey = plan.target().filter(t -> t.id().equals(otherId)).map(SideRecord::displayKey).orElse(null);
            return new LinkView(link.id(), link.correlationId(), new RecordView(name(other), otherId, otherKey));
        }).orElse(null);
    }

    private static DecisionView decision(SyncPlan plan) {
        List<WriteView> writes = plan.writes().stream().map(MappingPreview::write).toList();
        List<ConflictView> conflicts = plan.decision().map(Decision::conflicts).orElse(List.of()).stream()
                .map(MappingPreview::conflict).toList();
        return new DecisionView(yaml(plan.action().name()), plan.reason(), writes, conflicts, plan.ruleIds());
    }

    private static WriteView write(PlannedWrite write) {
        List<String> notes = new ArrayList<>(write.notes());
        if (write.side() == ExternalSystem.JIRA && !write.creates()) {
            if (write.payload().has("status")) {
                notes.add("status is reached by a workflow transition to the named status, not by the edit");
            }
            if (write.payload().has("labels")) {
                notes.add("labels replace the issue's set; RetroBridge's rb- correlation label is kept in it");
            }
        }
        return new WriteView(name(write.side()), write.creates() ? "create" : "update", write.recordId(),
                write.displayKey(), List.copyOf(new TreeSet<>(write.fields())), RecordJson.json(write.payload()),
                write.ruleIds(), notes);
    }

    private static ConflictView conflict(FieldConflict conflict) {
        return new ConflictView(conflict.field(), conflict.sourceValue(), conflict.targetValue(),
                yaml(conflict.policy().name()), yaml(conflict.resolution().name()), conflict.describe());
    }

    private static String name(ExternalSystem system) {
        return ItemNames.name(system);
    }

    /** OUT_OF_SCOPE reads out-of-scope, as the mapping file spells its values. */
    private static String yaml(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
