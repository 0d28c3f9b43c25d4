package io.retrobridge.mapping.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retrobridge.domain.Scope;
import io.retrobridge.mapping.gate.GateCondition.EscalatedOverdue;
import io.retrobridge.mapping.gate.GateCondition.FailureModeRecurred;
import io.retrobridge.mapping.gate.GateCondition.OpenCorrectiveActions;
import io.retrobridge.mapping.gate.GateRule.Effect;
import io.retrobridge.mapping.gate.GateTier.WhenUndecided;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The questions the gate's decision asks the policy, answered from the records alone. */
class GatePolicyTest {

    private static final Instant UNTIL = Instant.parse("2026-12-31T18:00:00Z");
    private static final GateRule FIXES = new GateRule("open-immediate-fixes",
            new OpenCorrectiveActions(Set.of(Scope.IMMEDIATE_FIX), 3), Effect.BLOCK);
    private static final GateRule ESCALATIONS = new GateRule("overdue-escalations", new EscalatedOverdue(),
            Effect.BLOCK);
    private static final GateTier HIGH = new GateTier("high", Set.of("production"), GateMode.ENFORCE,
            WhenUndecided.DENY, List.of(FIXES, ESCALATIONS));
    private static final GateTier STANDARD = new GateTier("standard", Set.of("production"), GateMode.WARN,
            WhenUndecided.ALLOW, List.of(new GateRule("standard-fixes", new FailureModeRecurred(2), Effect.WARN)));
    private static final GateTier DORMANT = new GateTier("dormant", Set.of("production"), GateMode.OFF,
            WhenUndecided.ALLOW, List.of());
    private static final Waiver WAIVER = new Waiver("pg-fix-ships-with-4-3", "payment-gateway",
            "open-immediate-fixes", "jane.doe@example.com", "The fix ships in 4.3.0", UNTIL);

    private static GatePolicy policy() {
        Map<String, GateTier> tiers = new LinkedHashMap<>();
        tiers.put("high", HIGH);
        tiers.put("standard", STANDARD);
        tiers.put("dormant", DORMANT);
        Map<String, Gate> gates = new LinkedHashMap<>();
        gates.put("prod", new Gate("prod", GateMode.ENFORCE));
        gates.put("canary", new Gate("canary", GateMode.WARN));
        return new GatePolicy("standard", Map.of("payment-gateway", "high", "archive", "dormant"), tiers, gates,
                List.of(WAIVER));
    }

    @Test
    void aListedApplicationHasItsTierAndAnUnlistedOneTheDefault() {
        GatePolicy policy = policy();

        assertThat(policy.tierOf("payment-gateway")).isSameAs(HIGH);
        assertThat(policy.lists("payment-gateway")).isTrue();
        assertThat(policy.tierOf("search")).isSameAs(STANDARD);
        assertThat(policy.lists("search")).isFalse();
        assertThat(policy.tierOf("search").whenUndecided()).isEqualTo(WhenUndecided.ALLOW);
    }

    @Test
    void aGateIsFoundByItsNameOnly() {
        assertThat(policy().gateFor("prod")).contains(new Gate("prod", GateMode.ENFORCE));
        assertThat(policy().gateFor("Prod")).isEmpty();
        assertThat(policy().gateFor("staging")).isEmpty();
    }

    @Test
    void theMilderOfTheGatesAndTheTiersModeIsInForce() {
        Gate prod = policy().gateFor("prod").orElseThrow();
        Gate canary = policy().gateFor("canary").orElseThrow();

        assertThat(prod.modeFor(HIGH)).isEqualTo(GateMode.ENFORCE);
        assertThat(canary.modeFor(HIGH)).as("a warn gate softens an enforcing tier").isEqualTo(GateMode.WARN);
        assertThat(prod.modeFor(STANDARD)).as("an enforcing gate does not harden a warn tier")
                .isEqualTo(GateMode.WARN);
        assertThat(canary.modeFor(DORMANT)).isEqualTo(GateMode.OFF);
        assertThat(new Gate("frozen", GateMode.OFF).modeFor(HIGH)).isEqualTo(GateMode.OFF);
        assertThat(prod.modeFor(HIGH).blocks()).isTrue();
        assertThat(canary.modeFor(HIGH).blocks()).isFalse();
    }

    @Test
    void aWaiverHoldsUntilItsInstantAndNotFromIt() {
        GatePolicy policy = policy();

        assertThat(policy.activeWaivers("payment-gateway", "open-immediate-fixes", UNTIL.minusNanos(1)))
                .containsExactly(WAIVER);
        assertThat(policy.activeWaivers("payment-gateway", "open-immediate-fixes", UNTIL)).isEmpty();
        assertThat(policy.activeWaivers("payment-gateway", "open-immediate-fixes", UNTIL.plusSeconds(1))).isEmpty();
        assertThat(policy.expiredWaivers(UNTIL.minusNanos(1))).isEmpty();
        assertThat(policy.expiredWaivers(UNTIL)).containsExactly(WAIVER);
    }

    @Test
    void aWaiverCoversOnlyItsApplicationAndRule() {
        Instant before = UNTIL.minusSeconds(60);

        assertThat(policy().activeWaivers("payment-gateway", "overdue-escalations", before)).isEmpty();
        assertThat(policy().activeWaivers("checkout", "open-immediate-fixes", before)).isEmpty();
    }

    @Test
    void aRuleIsFoundByIdInWhicheverTierHoldsIt() {
        assertThat(policy().rule("standard-fixes")).contains(STANDARD.rules().get(0));
        assertThat(policy().rule("open-immediate-fixes")).contains(FIXES);
        assertThat(policy().rule("nothing")).isEmpty();
        assertThat(HIGH.rule("standard-fixes")).isEmpty();
    }

    @Test
    void aTiersRulesApplyOnlyInItsEnvironments() {
        assertThat(HIGH.appliesIn("production")).isTrue();
        assertThat(HIGH.appliesIn("Production")).as("pipelines may report a stage name's case").isTrue();
        assertThat(HIGH.appliesIn("staging")).isFalse();
        assertThat(HIGH.appliesIn(null)).isFalse();
    }

    @Test
    void conditionsAnswerWhatTheyCount() {
        OpenCorrectiveActions open = (OpenCorrectiveActions) FIXES.when();

        assertThat(open.counts(Scope.IMMEDIATE_FIX)).isTrue();
        assertThat(open.counts(Scope.TRAINING)).isFalse();
        assertThat(FIXES.blocks()).isTrue();
        assertThat(STANDARD.rules().get(0).blocks()).isFalse();
        assertThat(FIXES.when().name()).isEqualTo("open-corrective-actions");
        assertThatThrownBy(() -> new FailureModeRecurred(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenCorrectiveActions(Set.of(), 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePolicyCannotBeChangedOnceBuilt() {
        GatePolicy policy = policy();

        assertThatThrownBy(() -> policy.tiers().put("low", DORMANT)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.gates().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.waivers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.applications().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> HIGH.rules().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPolicyWhoseTiersDoNotAddUpCannotBeBuilt() {
        assertThatThrownBy(() -> new GatePolicy("missing", Map.of(), Map.of("high", HIGH), Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> new GatePolicy("high", Map.of("app", "low"), Map.of("high", HIGH), Map.of(),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("low");
    }

    @Test
    void modesOrderFromOffToEnforce() {
        assertThat(GateMode.ENFORCE.milder(GateMode.WARN)).isEqualTo(GateMode.WARN);
        assertThat(GateMode.WARN.milder(GateMode.ENFORCE)).isEqualTo(GateMode.WARN);
        assertThat(GateMode.WARN.milder(GateMode.OFF)).isEqualTo(GateMode.OFF);
        assertThat(GateMode.ENFORCE.milder(GateMode.ENFORCE)).isEqualTo(GateMode.ENFORCE);
    }
}
