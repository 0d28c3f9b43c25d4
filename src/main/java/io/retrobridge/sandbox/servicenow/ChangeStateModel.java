package io.retrobridge.sandbox.servicenow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The states a change request may move to from where it is, by type: a normal change is assessed and
 * authorized before it is scheduled, an emergency one skips assessment, a standard one is pre-approved
 * and goes straight to Scheduled. Any open change can be canceled; Closed and Canceled are final.
 */
final class ChangeStateModel {

    static final String NEW = "-5";
    static final String ASSESS = "-4";
    static final String AUTHORIZE = "-3";
    static final String SCHEDULED = "-2";
    static final String IMPLEMENT = "-1";
    static final String REVIEW = "0";
    static final String CLOSED = "3";
    static final String CANCELED = "4";

    /** The path each type walks forward; a change may also fall back to New before it is implemented. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "normal", List.of(NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED),
            "emergency", List.of(NEW, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED),
            "standard", List.of(NEW, SCHEDULED, IMPLEMENT, REVIEW, CLOSED));
    private static final Set<String> FINAL = Set.of(CLOSED, CANCELED);
    private static final Set<String> BEFORE_IMPLEMENTATION = Set.of(ASSESS, AUTHORIZE, SCHEDULED);

    private ChangeStateModel() {
    }

    /** Whether a change of {@code type} may move from state {@code from} to state {@code to}. */
    static boolean allows(String type, String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        if (FINAL.contains(from)) {
            return false;
        }
        if (to.equals(CANCELED)) {
            return true;
        }
        if (to.equals(NEW) && BEFORE_IMPLEMENTATION.contains(from)) {
            return true;
        }
        List<String> path = PATHS.getOrDefault(type, PATHS.get("normal"));
        int at = path.indexOf(from);
        return at >= 0 && at + 1 < path.size() && path.get(at + 1).equals(to);
    }
}
