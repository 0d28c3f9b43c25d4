package io.retrobridge.gate;

import io.retrobridge.domain.Scope;
import io.retrobridge.mapping.gate.Gate;
import io.retrobridge.mapping.gate.GateCondition.EscalatedOverdue;
import io.retrobridge.mapping.gate.GateCondition.FailureModeRecurred;
import io.retrobridge.mapping.gate.GateCondition.OpenCorrectiveActions;
import io.retrobridge.mapping.gate.GateCondition.RetrospectiveWithoutActions;
import io.retrobridge.mapping.gate.GateMode;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.mapping.gate.GateRule;
import io.retrobridge.mapping.gate.GateRule.Effect;
import io.retrobridge.mapping.gate.GateTier;
import io.retrobridge.mapping.gate.GateTier.WhenUndecided;
import io.retrobridge.mapping.gate.Waiver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shipped gates.yaml as records, and facts to judge against it. */
final class GateFixtures {

    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    static final LocalDate DUE = LocalDate.parse("2026-12-01");

    static final GateTier HIGH = new GateTier("high", Set.of("production"), GateMode.ENFORCE, WhenUndecided.DENY,
            List.of(new GateRule("open-immediate-fixes", new OpenCorrectiveActions(Set.of(Scope.IMMEDIATE_FIX), 3),
                            Effect.BLOCK),
                    new GateRule("overdue-escalations", new EscalatedOverdue(), Effect.BLOCK),
                    new GateRule("retrospective-without-actions",
                            new RetrospectiveWithoutActions(Duration.ofDays(2), 3), Effect.WARN),
                    new GateRule("recurring-failure-mode", new FailureModeRecurred(3), Effect.BLOCK)));

    static final GateTier STANDARD = new GateTier("standard", Set.of("production"), GateMode.WARN,
            WhenUndecided.ALLOW, List.of(
                    new GateRule("standard-open-immediate-fixes",
                            new OpenCorrectiveActions(Set.of(Scope.IMMEDIATE_FIX), 3), Effect.BLOCK),
                    new GateRule("standard-overdue-escalations", new EscalatedOverdue(), Effect.WARN)));

    static final ReleaseQuestion PROD = new ReleaseQuestion("prod", "payment-gateway", "4.3.0", "production",
            "9fceb02d0ae598e95dc970b74767f19372d61af8", "CHG0030042", "pipeline:payments#812");

    private GateFixtures() {
    }

    static GatePolicy policy(Waiver... waivers) {
        return policy("standard", tiers(HIGH, STANDARD), waivers);
    }

    static GatePolicy policy(String defaultTier, Map<String, GateTier> tiers, Waiver... waivers) {
        Map<String, Gate> gates = new LinkedHashMap<>();
        gates.put("prod", new Gate("prod", GateMode.ENFORCE));
        gates.put("canary", new Gate("canary", GateMode.WARN));
        gates.put("dark", new Gate("dark", GateMode.OFF));
        return new GatePolicy(defaultTier, Map.of("payment-gateway", "high", "checkout", "high", "ledger",
                "standard"), tiers, gates, Arrays.asList(waivers));
    }

    static Map<String, GateTier> tiers(GateTier... tiers) {
        Map<String, GateTier> byName = new LinkedHashMap<>();
        for (GateTier tier : tiers) {
            byName.put(tier.name(), tier);
        }
        return byName;
    }

    static Waiver waiver(String application, String rule, Instant until) {
        return new Waiver("w-" + rule, application, rule, "jane.doe@example.com",
                "The ledger fix shipped with 4.3.0; the follow-up stayed open for its own review", until);
    }

    static ReleaseQuestion ask(String gate, String application, String environment) {
        return new ReleaseQuestion(gate, application, "4.3.0", environment, null, null, null);
    }

    /** An open immediate fix, due {@link #DUE}, not escalated. */
    static FollowUp fix(String jiraKey, String title) {
        return new FollowUp("link-" + jiraKey, title, jiraKey, "PTASK-" + jiraKey, Scope.IMMEDIATE_FIX, true, DUE,
                null, null, false);
    }

    static FollowUp done(FollowUp item) {
        return new FollowUp(item.linkId(), item.title(), item.jiraKey(), item.serviceNowNumber(), item.scope(), false,
                item.due(), item.failureMode(), item.escalatedTo(), item.overdue());
    }

    static FollowUp scoped(FollowUp item, Scope scope) {
        return new FollowUp(item.linkId(), item.title(), item.jiraKey(), item.serviceNowNumber(), scope, item.open(),
                item.due(), item.failureMode(), item.escalatedTo(), item.overdue());
    }

    static FollowUp escalated(FollowUp item, String board, boolean overdue) {
        return new FollowUp(item.linkId(), item.title(), item.jiraKey(), item.serviceNowNumber(), item.scope(),
                item.open(), item.due(), item.failureMode(), board, overdue);
    }

    static FollowUp tagged(FollowUp item, String failureMode) {
        return new FollowUp(item.linkId(), item.title(), item.jiraKey(), item.serviceNowNumber(), item.scope(),
                item.open(), item.due(), failureMode, item.escalatedTo(), item.overdue());
    }

    /** A retrospective of {@code change} opened {@code daysAgo} days before {@link #NOW}. */
    static RetrospectiveFacts retro(String change, int daysAgo, FollowUp... items) {
        return retroAt(change, NOW.minus(Duration.ofDays(daysAgo)), items);
    }

    static RetrospectiveFacts retroAt(String change, Instant openedAt, FollowUp... items) {
        return new RetrospectiveFacts("change:" + change, openedAt, change, "RETRO-" + change, "PRB-" + change,
                List.of(items));
    }

    static GateFacts facts(RetrospectiveFacts... retrospectives) {
        return GateFacts.gathered(List.of(retrospectives));
    }
}
