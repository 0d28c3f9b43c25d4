package io.retrobridge.domain;

import java.util.Arrays;
import java.util.Optional;

/** The states of a ServiceNow change request, with the integer values the Table API stores. */
public enum ChangeState {
    NEW(-5, "New"),
    ASSESS(-4, "Assess"),
    AUTHORIZE(-3, "Authorize"),
    SCHEDULED(-2, "Scheduled"),
    IMPLEMENT(-1, "Implement"),
    REVIEW(0, "Review"),
    CLOSED(3, "Closed"),
    CANCELED(4, "Canceled");

    private final int value;
    private final String label;

    ChangeState(int value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The Table API value, e.g. -1 for Implement. */
    public int value() {
        return value;
    }

    /** What ServiceNow shows, e.g. Implement. */
    public String label() {
        return label;
    }

    /** The state stored as {@code value} (e.g. "-1"); empty for a value the change model does not have. */
    public static Optional<ChangeState> ofValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(state -> String.valueOf(state.value).equals(value.strip())).findFirst();
    }

    /** Whether the change is over: closed or canceled. */
    public boolean ended() {
        return this == CLOSED || this == CANCELED;
    }
}
