package io.retrobridge.escalation;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per failure mode, on how many distinct retrospectives it appeared within the systemic window, as one scan saw it.
 *
 * @param retrospectivesByFailureMode failure mode (lower case) -> distinct retrospectives
 */
public record RecurrenceFacts(Map<String, Integer> retrospectivesByFailureMode) {

    public RecurrenceFacts {
        retrospectivesByFailureMode = Map.copyOf(new TreeMap<>(retrospectivesByFailureMode));
    }

    /** No failure mode seen: what a scan without a systemic rule passes. */
    public static RecurrenceFacts none() {
        return new RecurrenceFacts(Map.of());
    }

    /** Distinct retrospectives this failure mode appeared on; 0 when unknown or null. */
    public int recurrences(String failureMode) {
        if (failureMode == null) {
            return 0;
        }
        return retrospectivesByFailureMode.getOrDefault(normalize(failureMode), 0);
    }

    /** Failure-mode tags are compared without regard to case: Config-Drift and config-drift are one mode. */
    static String normalize(String failureMode) {
        return failureMode.strip().toLowerCase(Locale.ROOT);
    }
}
