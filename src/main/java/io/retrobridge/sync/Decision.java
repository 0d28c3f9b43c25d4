package io.retrobridge.sync;

import java.util.List;
import java.util.Map;

/**
 * The plan for one observation: create or update the other side with {@code writes}, or skip;
 * {@code corrections} carry a conflict's winning value back to the observed side when the other side won;
 * the snapshots to remember once the writes succeeded; every conflict and the reasons, for the journal.
 */
public record Decision(Outcome outcome, Map<String, String> writes, Map<String, String> corrections,
        Map<String, String> sourceSnapshot, Map<String, String> targetSnapshot, List<FieldConflict> conflicts,
        List<String> reasons) {

    public enum Outcome {
        CREATE,
        UPDATE,
        SKIP
    }

    public Decision {
        writes = Map.copyOf(writes);
        corrections = Map.copyOf(corrections);
        sourceSnapshot = Map.copyOf(sourceSnapshot);
        targetSnapshot = Map.copyOf(targetSnapshot);
        conflicts = List.copyOf(conflicts);
        reasons = List.copyOf(reasons);
    }

    public boolean writesSomething() {
        return outcome != Outcome.SKIP;
    }
}
