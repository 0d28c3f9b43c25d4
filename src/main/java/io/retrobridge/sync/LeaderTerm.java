package io.retrobridge.sync;

import java.util.Optional;

/**
 * Whether this instance may make the writes of leader-only work now, and under which term. Ask it before such a
 * write and carry the fence into the write, so that a write made by an instance that lost the election in the
 * meantime (a long pause, a cut network) is refused by the store rather than applied over the new leader's.
 *
 * <p>With a single instance ({@code retrobridge.cluster.mode=none}) nothing is fenced: {@link #fenced()} is false
 * and every write goes through as it always did.
 */
public interface LeaderTerm {

    /** One instance, no election: nothing is fenced. */
    LeaderTerm NOT_FENCED = new LeaderTerm() {
        @Override
        public boolean fenced() {
            return false;
        }

        @Override
        public Optional<Fence> current() {
            return Optional.empty();
        }
    };

    /** True when several instances elect a leader and leader-only writes must carry {@link #current()}. */
    boolean fenced();

    /** The term this instance leads under now; empty while it does not lead, and always when {@link #fenced()} is false. */
    Optional<Fence> current();

    /** The election's namespace (its row in the stored terms); null when nothing is elected. */
    default String namespace() {
        return null;
    }

    /** This instance's name in the election; null when nothing is elected. */
    default String instanceId() {
        return null;
    }

    /** The fence to write under; throws {@link FencedOutException} when this instance does not lead. */
    default Fence require(String what) {
        return current().orElseThrow(() -> new FencedOutException(what + " refused: this instance does not lead"));
    }
}
