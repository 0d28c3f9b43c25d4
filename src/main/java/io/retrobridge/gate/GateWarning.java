package io.retrobridge.gate;

import java.util.List;
import java.util.Objects;

/**
 * Something the answer names without being held back by it: a rule with {@code effect: warn}, a waived rule, what
 * would have blocked in warn mode, or an expired waiver.
 *
 * @param ruleId  the rule concerned
 * @param message in words, one line
 * @param items   what it points at; empty for an expired waiver
 */
public record GateWarning(String ruleId, String message, List<GateItem> items) {

    public GateWarning {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
        items = List.copyOf(items);
    }
}
