package io.retrobridge.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A record as a poll or backfill page read it, carried in its inbox event so the sync does not read it again just
 * to compare it: the page asked for every field the mapping reads, and looked up the copies of the page's unlinked
 * records in one question to the other side.
 *
 * @param record      the record with every field the mapping reads
 * @param polledAt    when the page was read (this connector's clock)
 * @param counterpart what the page's look-up by correlation id found, when the record was not linked then
 */
public record PolledRecord(SideRecord record, Instant polledAt, Optional<CounterpartLookup> counterpart) {

    public PolledRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(polledAt, "polledAt");
        Objects.requireNonNull(counterpart, "counterpart");
    }
}
