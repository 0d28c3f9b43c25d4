package io.retrobridge.flow.items;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.Link;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.MappedItem;
import io.retrobridge.sync.Decision;
import io.retrobridge.sync.SideRecord;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What syncing one record would do, worked out from both records as they are now and nothing written yet:
 * the sync carries it out, the mapping preview shows it.
 *
 * @param subject       the record, named by the id links store (a Jira key is resolved to the issue id)
 * @param record        the record as read; empty when it no longer exists
 * @param mapped        the canonical item read from it, with the rule that classified it and why
 * @param inScope       whether the mapping's scope covers it (a linked record is synced regardless)
 * @param link          its link to the other side, if it has one
 * @param target        the other side's record, when one was read (linked, or found by correlation id)
 * @param decision      the decide step's verdict, for creates and for linked records whose other side exists
 * @param correlationId the marker a created record carries; null unless creating or adopting
 * @param writes        what would be written, the other side first, then any correction carried back
 * @param reason        in words, why this plan
 * @param snapshots     what the link remembers of both sides once the writes succeeded; empty when the link
 *                      is left as it is
 * @param ruleIds       every rule that shaped the plan, for the journal
 * @param mapping       the mapping the plan was made with, so it is carried out with the very same one
 * @param deletion      the verified notice that proved the record deleted, for plans that act on a deletion
 * @param lookedUpAt    when the look-up by correlation id behind a create or adoption was made, when that was a
 *                      poll page's batched look-up made before this plan rather than one made for it
 */
public record SyncPlan(Action action, ExternalRef subject, Optional<SideRecord> record, Optional<MappedItem> mapped,
        boolean inScope, Optional<Link> link, Optional<SideRecord> target, Optional<Decision> decision,
        String correlationId, List<PlannedWrite> writes, Optional<Snapshots> snapshots, String reason,
        List<String> ruleIds, ActionItemMapping mapping, Optional<DeletionNotice> deletion,
        Optional<Instant> lookedUpAt) {

    public enum Action {
        /** Nothing exists on the other side yet: create it. */
        CREATE,
        /** An earlier create of ours is found by its correlation id: link it instead of creating again. */
        ADOPT,
        /** Linked: write the changed fields (and carry back a conflict's winner). */
        UPDATE,
        /** Proven deleted on this side and the mapping says {@code on-delete: cancel}: cancel the other side. */
        CANCEL,
        /** Proven deleted on this side and the mapping says {@code on-delete: comment}: say so on the other side. */
        NOTE_DELETION,
        /**
         * Proven deleted on this side, and nothing to write: {@code on-delete: leave}, or the other side is closed
         * already or cannot be read. The deletion is remembered and journalled.
         */
        LEAVE_DELETED,
        /**
         * The record or its linked counterpart answered 404 without proof of deletion: it may only be hidden from the
         * integration account, so nothing is written; the journal and the unreadable count record it.
         */
        UNREADABLE,
        /** Nothing to write; the reason says why, and the journal records it. */
        SKIP,
        /** Not ours to sync: nothing written, nothing journalled. */
        OUT_OF_SCOPE
    }

    /** Canonical field values, as the decide step compares them, of the planned record and of the other side. */
    public record Snapshots(Map<String, String> source, Map<String, String> target) {
        public Snapshots {
            source = Map.copyOf(source);
            target = Map.copyOf(target);
        }
    }

    public SyncPlan {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        writes = List.copyOf(writes);
        ruleIds = List.copyOf(new LinkedHashSet<>(ruleIds));
    }

    /** Whether carrying the plan out writes to either side. */
    public boolean writesSomething() {
        return !writes.isEmpty();
    }
}
