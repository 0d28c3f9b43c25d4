package io.retrobridge.gate;

import io.retrobridge.mapping.gate.GateMode;
import io.retrobridge.mapping.gate.Waiver;
import java.util.List;
import java.util.Objects;

/**
 * The gate's answer to one {@link ReleaseQuestion}.
 *
 * @param decision       ALLOW, DENY or PENDING
 * @param reason         one line of plain text a release manager acts on, starting with the decision
 * @param tier           the tier the application was judged in
 * @param mode           the mode in force: the milder of the gate's and the tier's
 * @param blocking       what denies this release; empty unless it is denied by a rule
 * @param warnings       what the answer names without being held back by it: what would have blocked (warn
 *                       mode) first, then waived rules, expired waivers and warning rules in the tier's order
 * @param rules          the ids of the rules that held, blocking, warning or waived, in the tier's order
 * @param waiversApplied the active waivers that lifted a rule that held
 */
public record GateAnswer(GateDecision decision, String reason, String tier, GateMode mode, List<GateItem> blocking,
                         List<GateWarning> warnings, List<String> rules, List<Waiver> waiversApplied) {

    public GateAnswer {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(mode, "mode");
        blocking = List.copyOf(blocking);
        warnings = List.copyOf(warnings);
        rules = List.copyOf(rules);
        waiversApplied = List.copyOf(waiversApplied);
    }

    /** Whether the release may proceed now. */
    public boolean allowed() {
        return decision == GateDecision.ALLOW;
    }
}
