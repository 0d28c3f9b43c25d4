package io.retrobridge.sync;

import io.retrobridge.domain.Watermark;
import java.util.Optional;

/** How far each poller has read. */
public interface WatermarkStore {

    Optional<Watermark> find(String poller);

    /** Stores the poller's watermark, replacing the previous one. Instants are kept to the microsecond, rounded down. */
    void save(Watermark watermark);
}
