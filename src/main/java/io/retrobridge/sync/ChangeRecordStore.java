package io.retrobridge.sync;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeStateMove;
import java.util.List;
import java.util.Optional;

/** The change requests RetroBridge has read, as last read, with every state move it saw. */
public interface ChangeRecordStore {

    /**
     * Stores the change as read, recording a state move when its state differs from the stored one. A version older
     * than the stored one (by sys_updated_on) changes nothing.
     *
     * @return the version stored before; empty for a change seen the first time
     */
    Optional<ChangeRecord> save(ChangeRecord change);

    Optional<ChangeRecord> findByNumber(String number);

    /** The state moves seen, oldest first. */
    List<ChangeStateMove> stateMoves(String number);
}
