package io.retrobridge.testsupport;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.ChangeStateMove;
import io.retrobridge.sync.ChangeRecordStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The change record store in memory: the changes saved by number, and the state moves a test lists. */
public final class InMemoryChanges implements ChangeRecordStore {

    private final Map<String, ChangeRecord> changes = new HashMap<>();
    /** The state moves of every change, as the test lists them. */
    public final List<ChangeStateMove> moves = new ArrayList<>();

    @Override
    public Optional<ChangeRecord> save(ChangeRecord change) {
        return Optional.ofNullable(changes.put(change.number(), change));
    }

    @Override
    public Optional<ChangeRecord> findByNumber(String number) {
        return Optional.ofNullable(changes.get(number));
    }

    @Override
    public List<ChangeStateMove> stateMoves(String number) {
        return moves.stream().filter(move -> move.changeNumber().equals(number)).toList();
    }
}
