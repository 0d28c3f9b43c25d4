package io.retrobridge.gate;

import static io.retrobridge.gate.GateFixtures.PROD;
import static io.retrobridge.gate.GateFixtures.escalated;
import static io.retrobridge.gate.GateFixtures.facts;
import static io.retrobridge.gate.GateFixtures.fix;
import static io.retrobridge.gate.GateFixtures.retroAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.gate.GateFiles;
import io.retrobridge.mapping.gate.GatePolicy;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped gates.yaml, as the service loads it, holds the demo's payment-gateway to its follow-ups. */
class ShippedGatePolicyTest {

    /** The instant the shipped waiver of open-immediate-fixes for payment-gateway runs out. */
    private static final Instant WAIVER_ENDS = Instant.parse("2026-11-30T18:00:00Z");

    private final GateDecider decider = new GateDecider();

    @Test
    void theShippedWaiverLiftsTheOpenFixUntilItsInstantAndNotFromIt(@TempDir Path dir) {
        GatePolicy policy = GateFiles.load(dir, GateFiles.shipped());
        GateFacts facts = facts(retroAt("CHG0030001", WAIVER_ENDS.minusSeconds(7 * 24 * 3600),
                fix("PAY-31", "Alert on error rate")));

        GateAnswer waived = decider.decide(policy, PROD, facts, WAIVER_ENDS.minusSeconds(1));
        GateAnswer expired = decider.decide(policy, PROD, facts, WAIVER_ENDS);

        assertThat(waived.decision()).isEqualTo(GateDecision.ALLOW);
        assertThat(waived.waiversApplied()).extracting(w -> w.id()).containsExactly("pg-ledger-fix-ships-with-4-3");
        assertThat(expired.decision()).isEqualTo(GateDecision.DENY);
        assertThat(expired.reason()).contains("waiver pg-ledger-fix-ships-with-4-3 of open-immediate-fixes by"
                + " jane.doe@example.com expired at 2026-11-30T18:00:00Z");
    }

    @Test
    void theCanaryGateOnlyWarnsAndAnUnlistedApplicationFailsOpen(@TempDir Path dir) {
        GatePolicy policy = GateFiles.load(dir, GateFiles.shipped());
        GateFacts facts = facts(retroAt("CHG0030001", WAIVER_ENDS, escalated(fix("PAY-31", "Alert"), "CAB", true)));
        Instant now = WAIVER_ENDS.plusSeconds(3600);

        assertThat(decider.decide(policy, PROD, facts, now).decision()).isEqualTo(GateDecision.DENY);
        assertThat(decider.decide(policy, new ReleaseQuestion("canary", "payment-gateway", "4.3.0", "production",
                null, null, null), facts, now).decision()).isEqualTo(GateDecision.ALLOW);
        GateAnswer unlisted = decider.decide(policy, new ReleaseQuestion("prod", "inventory", "1.0.0",
                "production", null, null, null), facts, now);
        assertThat(unlisted.decision()).isEqualTo(GateDecision.ALLOW);
        assertThat(unlisted.reason()).contains("inventory is not listed in gates.yaml");
    }
}
