package io.retrobridge.sync;

import io.retrobridge.domain.ConflictPolicy;

/** Both sides changed one field since the last sync; how the mapping's policy settled it. */
public record FieldConflict(String field, String sourceValue, String targetValue, ConflictPolicy policy,
        Resolution resolution) {

    public enum Resolution {
        SOURCE_WRITTEN,
        TARGET_KEPT,
        PARKED
    }

    public String describe() {
        return "conflict on " + field + ": '" + sourceValue + "' vs '" + targetValue + "' -> "
                + switch (resolution) {
                    case SOURCE_WRITTEN -> "changed side written (" + policy.name().toLowerCase().replace('_', '-') + ")";
                    case TARGET_KEPT -> "other side kept (" + policy.name().toLowerCase().replace('_', '-') + ")";
                    case PARKED -> "parked for a human (policy park)";
                };
    }
}
