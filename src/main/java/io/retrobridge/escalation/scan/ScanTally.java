package io.retrobridge.escalation.scan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Counts for one escalation scan's summary. */
final class ScanTally {
    int items;
    int raised;
    int resolved;
    int parked;
    int retrying;
    int skippedCount;
    private final List<ScanSummary.Skip> skipped = new ArrayList<>();

    void skip(String item, String reason) {
        skippedCount++;
        if (skipped.size() < ScanSummary.MAX_LISTED) {
            skipped.add(new ScanSummary.Skip(item, reason));
        }
    }

    ScanSummary summary(Instant started, Instant finished) {
        return new ScanSummary(started, finished, items, raised, resolved, parked, retrying, skipped, skippedCount);
    }
}
