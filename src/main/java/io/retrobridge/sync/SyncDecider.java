package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.FieldFlow;
import io.retrobridge.domain.FieldPolicy;
import io.retrobridge.domain.SyncPair;
import io.retrobridge.sync.Decision.Outcome;
import io.retrobridge.sync.FieldConflict.Resolution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decide step for one observed entity: which mapped fields to write to the other side, or why nothing.
 *
 * <p>Echo suppression is structural: a field is only a change when it differs from what the link last
 * saw or wrote on the observing side, so our own write coming back compares equal and is skipped,
 * whatever the timestamps say. A field is only written when the other side does not already hold the
 * value, so two sides that agree never trade writes.
 */
public final class SyncDecider {

    private final List<FieldPolicy> policies;

    public SyncDecider(List<FieldPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public Decision decide(Observation observed, Optional<KnownPair> known) {
        return known.map(pair -> update(observed, pair)).orElseGet(() -> create(observed));
    }

    private Decision create(Observation observed) {
        Map<String, String> writes = new LinkedHashMap<>();
        for (FieldPolicy policy : policies) {
            String value = valueOf(observed.fields(), policy.field());
            if (policy.flow().carriesFrom(observed.source()) && !value.isEmpty()) {
                writes.put(policy.field(), value);
            }
        }
        return new Decision(Outcome.CREATE, writes, Map.of(), projection(observed.fields()), writes, List.of(),
                List.of("no link yet: create on " + name(SyncPair.ACTION_ITEMS.counterpart(observed.source()))
                        + " with " + writes.keySet()));
    }

    private Decision update(Observation observed, KnownPair pair) {
        ExternalSystem source = observed.source();
        Map<String, String> targetNow = projection(pair.targetNow());
        Map<String, String> writes = new LinkedHashMap<>();
        Map<String, String> corrections = new LinkedHashMap<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (FieldPolicy policy : policies) {
            String field = policy.field();
            String seen = valueOf(observed.fields(), field);
            if (seen.equals(valueOf(pair.lastOnSource(), field)) || !policy.flow().carriesFrom(source)
                    || seen.equals(valueOf(targetNow, field))) {
                continue;
            }
            if (targetChangedUnsynced(policy, pair, targetNow)) {
                FieldConflict conflict = settle(policy, source, seen, valueOf(targetNow, field), observed, pair);
                conflicts.add(conflict);
                reasons.add(conflict.describe());
                if (conflict.resolution() == Resolution.TARGET_KEPT) {
                    // The other side's value won: it must reach this side too, or the two never meet again.
                    corrections.put(field, conflict.targetValue());
                }
                if (conflict.resolution() != Resolution.SOURCE_WRITTEN) {
                    continue;
                }
            }
            writes.put(field, seen);
        }
        // Only what we wrote (or a winner we carried back) becomes known on the other side: a change there
        // that we have not been told about must still look like a change when its own notification arrives.
        Map<String, String> targetAfter = projection(pair.lastOnTarget());
        for (FieldPolicy policy : policies) {
            // Where both sides hold the same value now, they agree: remember it, or a later edit back to the
            // value we last knew would look like no change at all and the sides would never meet again.
            String field = policy.field();
            if (valueOf(observed.fields(), field).equals(valueOf(targetNow, field))) {
                targetAfter.put(field, valueOf(targetNow, field));
            }
        }
        targetAfter.putAll(writes);
        targetAfter.putAll(corrections);
        Map<String, String> sourceAfter = projection(observed.fields());
        sourceAfter.putAll(corrections);
        if (writes.isEmpty() && corrections.isEmpty()) {
            reasons.add(0, skipReason(observed, pair, conflicts));
            return new Decision(Outcome.SKIP, writes, corrections, sourceAfter, targetAfter, conflicts, reasons);
        }
        reasons.add(0, "changed on " + name(source) + ": write " + writes.keySet() + " to "
                + name(SyncPair.ACTION_ITEMS.counterpart(source))
                + (corrections.isEmpty() ? "" : " and carry back " + corrections.keySet() + " to " + name(source)));
        return new Decision(Outcome.UPDATE, writes, corrections, sourceAfter, targetAfter, conflicts, reasons);
    }

    /** The other side moved this field away from what was last agreed, and that move has not been synced. */
    private static boolean targetChangedUnsynced(FieldPolicy policy, KnownPair pair, Map<String, String> targetNow) {
        if (policy.flow() != FieldFlow.BOTH) {
            return false;
        }
        String field = policy.field();
        String agreed = valueOf(pair.lastOnSource(), field);
        return !valueOf(targetNow, field).equals(agreed) || !valueOf(pair.lastOnTarget(), field).equals(agreed);
    }

    private static FieldConflict settle(FieldPolicy policy, ExternalSystem source, String sourceValue,
            String targetValue, Observation observed, KnownPair pair) {
        Resolution resolution = switch (policy.conflict()) {
            case OWNER_WINS -> policy.owner() == source ? Resolution.SOURCE_WRITTEN : Resolution.TARGET_KEPT;
            case NEWEST_WINS -> observed.changedAt().isAfter(pair.targetChangedAt())
                    ? Resolution.SOURCE_WRITTEN : Resolution.TARGET_KEPT;
            case PARK -> Resolution.PARKED;
        };
        return new FieldConflict(policy.field(), sourceValue, targetValue, policy.conflict(), resolution);
    }

    private String skipReason(Observation observed, KnownPair pair, List<FieldConflict> conflicts) {
        if (!conflicts.isEmpty()) {
            return "nothing written: every changed field was settled for the other side or parked";
        }
        if (projection(observed.fields()).equals(projection(pair.lastOnSource()))) {
            return "echo or unmapped change: every mapped field equals what was last seen or written on "
                    + name(observed.source());
        }
        return name(SyncPair.ACTION_ITEMS.counterpart(observed.source()))
                + " already holds every changed value (or the fields do not flow "
                + "from " + name(observed.source()) + ")";
    }

    private Map<String, String> projection(Map<String, String> fields) {
        Map<String, String> projected = new LinkedHashMap<>();
        for (FieldPolicy policy : policies) {
            projected.put(policy.field(), valueOf(fields, policy.field()));
        }
        return projected;
    }

    /** An absent field and an empty one are the same canonical value. */
    private static String valueOf(Map<String, String> fields, String field) {
        String value = fields.get(field);
        return value == null ? "" : value;
    }

    private static String name(ExternalSystem system) {
        return system == ExternalSystem.JIRA ? "Jira" : "ServiceNow";
    }
}
