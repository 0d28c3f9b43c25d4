package io.retrobridge.gate;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the local store could tell about the application asked about. Only {@link Gathered} lets the rules be
 * judged; the other two say why they cannot be, so the answer does not pretend to know.
 */
public sealed interface GateFacts {

    static GateFacts gathered(List<RetrospectiveFacts> retrospectives) {
        return new Gathered(retrospectives);
    }

    static GateFacts unavailable(String why) {
        return new Unavailable(why);
    }

    static GateFacts notReady(String what) {
        return new NotReady(what);
    }

    /**
     * The application's recent retrospectives, newest first (kept in that order whatever order they come in;
     * equal instants keep their given order). How far back the store reaches bounds {@code escalated-overdue};
     * the other conditions look at their own {@code last-retrospectives}.
     */
    record Gathered(List<RetrospectiveFacts> retrospectives) implements GateFacts {
        public Gathered {
            retrospectives = retrospectives.stream()
                    .sorted(Comparator.comparing(RetrospectiveFacts::openedAt).reversed()).toList();
        }

        /** The {@code count} most recent. */
        public List<RetrospectiveFacts> last(int count) {
            return retrospectives.subList(0, Math.min(count, retrospectives.size()));
        }
    }

    /**
     * The facts could not be read (e.g. the store is unavailable), so the tier's {@code when-undecided} answers.
     *
     * @param why in words, named in the answer's reason
     */
    record Unavailable(String why) implements GateFacts {
        public Unavailable {
            Objects.requireNonNull(why, "why");
        }
    }

    /**
     * The facts are still being gathered (e.g. a retrospective of this release is being opened), so asking again
     * shortly gives the answer: {@link GateDecision#PENDING} in enforce mode.
     *
     * @param what what is awaited, named in the answer's reason
     */
    record NotReady(String what) implements GateFacts {
        public NotReady {
            Objects.requireNonNull(what, "what");
        }
    }
}
