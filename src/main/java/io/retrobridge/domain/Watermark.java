package io.retrobridge.domain;

import java.time.Instant;
import java.util.Set;

/**
 * How far a poller has read: the latest update time it has processed and the ids it processed at exactly
 * that time. The next poll reads from the watermark minus an overlap and skips those ids, so records that
 * share the watermark's timestamp are neither lost nor applied twice.
 */
public record Watermark(String poller, Instant at, Set<String> idsAtWatermark) {

    public Watermark {
        RecordArguments.identifier(poller, "poller");
        if (poller.length() > 100) {
            throw new IllegalArgumentException("poller name has " + poller.length() + " characters; at most 100 are allowed");
        }
        RecordArguments.required(at, "at");
        RecordArguments.required(idsAtWatermark, "idsAtWatermark");
        idsAtWatermark.forEach(id -> RecordArguments.identifier(id, "id at the watermark"));
        idsAtWatermark = Set.copyOf(idsAtWatermark);
    }
}
