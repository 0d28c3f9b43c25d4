package io.retrobridge.gate;

import io.retrobridge.mapping.gate.GateRule;
import java.util.List;

/**
 * A rule that holds for a release: the rule, what it waits for in words that follow "waits for", and the items it
 * found.
 */
record GateFinding(GateRule rule, String waitsFor, List<GateItem> items) {

    GateFinding {
        items = List.copyOf(items);
    }
}
