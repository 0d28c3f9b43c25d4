package io.retrobridge.sync;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.PirSummary;
import java.util.Optional;

/** The PIR summary of each release, one per key, and where it was written so the next collection updates it. */
public interface PirStore {

    Optional<PirSummary> find(String key);

    /** Keeps the summary, replacing the release's earlier one. */
    void save(PirSummary summary);

    /** The note or comment the summary was written as on {@code system}; empty until it was. */
    Optional<String> writtenAs(String key, ExternalSystem system);

    void rememberWritten(String key, ExternalSystem system, String noteId);
}
