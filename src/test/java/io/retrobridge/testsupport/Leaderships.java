package io.retrobridge.testsupport;

import io.retrobridge.sync.Fence;
import io.retrobridge.sync.LeaderTerm;
import java.util.Optional;
import java.util.function.Supplier;

/** Stand-ins for an instance of several, leading (or believing it leads) under the term a test chooses. */
public final class Leaderships {

    private Leaderships() {
    }

    /** An instance that believes it leads under {@code fence}, whether or not that is still true. */
    public static LeaderTerm believing(Fence fence) {
        return following(() -> Optional.of(fence));
    }

    /** An instance of several whose term is whatever {@code current} says now; empty while it does not lead. */
    public static LeaderTerm following(Supplier<Optional<Fence>> current) {
        return new LeaderTerm() {
            @Override
            public boolean fenced() {
                return true;
            }

            @Override
            public Optional<Fence> current() {
                return current.get();
            }
        };
    }
}
