package io.retrobridge.sync;

import io.retrobridge.domain.DeletedRecord;
import io.retrobridge.domain.ExternalRef;
import java.util.Optional;

/** Records proven deleted. */
public interface DeletedRecords {

    /** Remembers a deletion; the first one stored for a record stays (a notice delivered again changes nothing). */
    void remember(DeletedRecord deleted);

    Optional<DeletedRecord> find(ExternalRef record);
}
