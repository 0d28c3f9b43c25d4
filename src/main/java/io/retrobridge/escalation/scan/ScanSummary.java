package io.retrobridge.escalation.scan;

import java.time.Instant;
import java.util.List;

/**
 * What one escalation scan did.
 *
 * @param items     linked action items looked at
 * @param raised    steps written (reminders, tickets, re-assignments)
 * @param resolved  escalations resolved (item done or due date moved)
 * @param parked    steps refused for good; each waits as a dead letter
 * @param retrying  steps that failed for a passing reason; left claimed, the next scan finishes them
 * @param skipped   items or steps left alone, with the reason (at most {@value #MAX_LISTED} listed)
 * @param skippedCount how many were skipped in all
 */
public record ScanSummary(Instant startedAt, Instant finishedAt, int items, int raised, int resolved, int parked,
                          int retrying, List<Skip> skipped, int skippedCount) {

    public static final int MAX_LISTED = 100;

    public ScanSummary {
        skipped = List.copyOf(skipped);
    }

    /** @param item the item's display key (or id when it has none) */
    public record Skip(String item, String reason) {
    }
}
