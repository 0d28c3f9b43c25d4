package io.retrobridge.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a poll page's batched look-up by correlation id found on the other side for one record, and when it asked.
 * The time matters: a look-up that found nothing proves an earlier create did not land only if it was made late
 * enough, so a create decided on this answer is judged by {@code lookedAt}, not by when the event is worked.
 *
 * @param correlationId the marker a copy of the record carries
 * @param lookedAt      taken before the look-up was sent
 * @param foundId       the id of the oldest record carrying the marker, if any
 */
public record CounterpartLookup(String correlationId, Instant lookedAt, Optional<String> foundId) {

    public CounterpartLookup {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(lookedAt, "lookedAt");
        Objects.requireNonNull(foundId, "foundId");
    }
}
