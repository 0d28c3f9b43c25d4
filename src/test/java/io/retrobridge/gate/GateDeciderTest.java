package io.retrobridge.gate;

import static io.retrobridge.gate.GateFixtures.HIGH;
import static io.retrobridge.gate.GateFixtures.NOW;
import static io.retrobridge.gate.GateFixtures.PROD;
import static io.retrobridge.gate.GateFixtures.STANDARD;
import static io.retrobridge.gate.GateFixtures.ask;
import static io.retrobridge.gate.GateFixtures.done;
import static io.retrobridge.gate.GateFixtures.escalated;
import static io.retrobridge.gate.GateFixtures.facts;
import static io.retrobridge.gate.GateFixtures.fix;
import static io.retrobridge.gate.GateFixtures.policy;
import static io.retrobridge.gate.GateFixtures.retro;
import static io.retrobridge.gate.GateFixtures.retroAt;
import static io.retrobridge.gate.GateFixtures.scoped;
import static io.retrobridge.gate.GateFixtures.tagged;
import static io.retrobridge.gate.GateFixtures.tiers;
import static io.retrobridge.gate.GateFixtures.waiver;
import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Scope;
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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Whether a release may proceed, and the words that say why, for every rule of the gate policy. */
class GateDeciderTest {

    private static final FollowUp ALERT = escalated(fix("PAY-31", "Alert on error rate"), "CAB", true);

    private final GateDecider decider = new GateDecider();

    private GateAnswer decide(GatePolicy policy, ReleaseQuestion question, GateFacts facts) {
        return decider.decide(policy, question, facts, NOW);
    }

    private GateAnswer decide(GateFacts facts) {
        return decide(policy(), PROD, facts);
    }

    @Nested
    class Denial {

        @Test
        void anOpenEscalatedImmediateFixDeniesAndNamesTheItemItsDueDateAndWhatToDo() {
            GateAnswer answer = decide(facts(retro("CHG0030001", 10, ALERT)));

            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.allowed()).isFalse();
            assertThat(answer.reason()).isEqualTo("DENY: payment-gateway 4.3.0 to production waits for 1 open"
                    + " immediate fix from the retrospective of CHG0030001: PAY-31 'Alert on error rate' (due"
                    + " 2026-12-01, overdue, escalated to CAB); and for 1 escalated item still overdue: PAY-31 'Alert"
                    + " on error rate' (due 2026-12-01, overdue, escalated to CAB). To proceed, finish what is named"
                    + " or have a waiver of open-immediate-fixes and overdue-escalations signed off in gates.yaml.");
            assertThat(answer.rules()).containsExactly("open-immediate-fixes", "overdue-escalations");
            assertThat(answer.blocking()).containsExactly(
                    new GateItem("open-immediate-fixes", GateItem.Kind.ACTION_ITEM, "link-PAY-31",
                            "Alert on error rate", "PAY-31", "PTASK-PAY-31"),
                    new GateItem("overdue-escalations", GateItem.Kind.ACTION_ITEM, "link-PAY-31",
                            "Alert on error rate", "PAY-31", "PTASK-PAY-31"));
            assertThat(answer.tier()).isEqualTo("high");
            assertThat(answer.mode()).isEqualTo(GateMode.ENFORCE);
            assertThat(answer.warnings()).isEmpty();
            assertThat(answer.waiversApplied()).isEmpty();
        }

        @Test
        void anOverdueFixNotEscalatedDeniesByItsOneRule() {
            FollowUp overdue = new FollowUp("link-PAY-31", "Alert on error rate", "PAY-31", null,
                    Scope.IMMEDIATE_FIX, true, GateFixtures.DUE, null, null, true);

            GateAnswer answer = decide(facts(retro("CHG0030001", 10, overdue)));

            assertThat(answer.reason()).isEqualTo("DENY: payment-gateway 4.3.0 to production waits for 1 open"
                    + " immediate fix from the retrospective of CHG0030001: PAY-31 'Alert on error rate' (due"
                    + " 2026-12-01, overdue). To proceed, finish what is named or have a waiver of"
                    + " open-immediate-fixes signed off in gates.yaml.");
            assertThat(answer.rules()).containsExactly("open-immediate-fixes");
            assertThat(answer.blocking()).singleElement().satisfies(item -> {
                assertThat(item.jiraKey()).isEqualTo("PAY-31");
                assertThat(item.serviceNowNumber()).isNull();
            });
        }

        @Test
        void anItemWithoutJiraIssueIsNamedByItsServiceNowNumber() {
            FollowUp snOnly = new FollowUp("link-9", "Rotate keys", null, "PTASK0010009", Scope.IMMEDIATE_FIX, true,
                    null, null, null, false);

            assertThat(decide(facts(retro("CHG1", 10, snOnly))).reason()).contains(": PTASK0010009 'Rotate keys'.");
        }

        @Test
        void aDeniedReleaseIsAllowedOnceItsBlockingItemIsDone() {
            GatePolicy policy = policy();
            assertThat(decide(policy, PROD, facts(retro("CHG0030001", 10, ALERT))).decision())
                    .isEqualTo(GateDecision.DENY);

            GateAnswer after = decide(policy, PROD, facts(retro("CHG0030001", 10, done(ALERT))));

            assertThat(after.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(after.allowed()).isTrue();
            assertThat(after.reason()).isEqualTo("ALLOW: payment-gateway 4.3.0 to production: nothing in tier high"
                    + " holds it back");
            assertThat(after.blocking()).isEmpty();
            assertThat(after.rules()).isEmpty();
        }

        @Test
        void severalItemsFromSeveralRetrospectivesAreCountedAndNamedNewestFirst() {
            GateAnswer answer = decide(facts(retro("CHG0000001", 30, fix("PAY-1", "Old fix")),
                    retro("CHG0000002", 5, fix("PAY-2", "New fix"))));

            assertThat(answer.reason()).startsWith("DENY: payment-gateway 4.3.0 to production waits for 2 open"
                    + " immediate fixes from the retrospectives of CHG0000002 and CHG0000001: PAY-2 'New fix' (due"
                    + " 2026-12-01), PAY-1 'Old fix' (due 2026-12-01). To proceed");
            assertThat(answer.blocking()).extracting(GateItem::jiraKey).containsExactly("PAY-2", "PAY-1");
        }
    }

    @Nested
    class OpenFixes {

        @Test
        void onlyOpenItemsOfTheListedScopesCount() {
            GateAnswer answer = decide(facts(retro("CHG1", 3,
                    scoped(fix("PAY-1", "Process"), Scope.PROCESS_IMPROVEMENT),
                    scoped(fix("PAY-2", "Unclassified"), null),
                    done(fix("PAY-3", "Done fix")))));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.rules()).isEmpty();
        }

        @Test
        void onlyTheLastRetrospectivesCountWhateverOrderTheyComeIn() {
            RetrospectiveFacts fourth = retro("CHG4", 40, fix("PAY-4", "Too old"));
            RetrospectiveFacts third = retro("CHG3", 30);
            RetrospectiveFacts second = retro("CHG2", 20, done(fix("PAY-2", "Done")));
            RetrospectiveFacts newest = retro("CHG1", 10, fix("PAY-9", "Recent"));

            assertThat(decide(facts(fourth, third, second, retro("CHG1", 10))).decision())
                    .isEqualTo(GateDecision.ALLOW);
            GateAnswer answer = decide(facts(fourth, third, second, newest));
            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.blocking()).extracting(GateItem::jiraKey).containsExactly("PAY-9");
        }

        @Test
        void severalScopesAreCalledCorrectiveActions() {
            GateTier tier = new GateTier("high", Set.of("production"), GateMode.ENFORCE, WhenUndecided.DENY,
                    List.of(new GateRule("fixes",
                            new OpenCorrectiveActions(
                                    Set.of(Scope.IMMEDIATE_FIX, Scope.TRAINING), 3),
                            Effect.BLOCK)));
            GatePolicy policy = policy("standard", tiers(tier, STANDARD));

            GateAnswer answer = decide(policy, PROD, facts(retro("CHG1", 3, fix("PAY-1", "Fix"),
                    scoped(fix("PAY-2", "Train"), Scope.TRAINING))));

            assertThat(answer.reason()).startsWith("DENY: payment-gateway 4.3.0 to production waits for 2 open"
                    + " corrective actions from the retrospective of CHG1: PAY-1 'Fix' (due 2026-12-01), PAY-2"
                    + " 'Train' (due 2026-12-01).");
        }
    }

    @Nested
    class Escalations {

        @Test
        void anEscalatedItemStillOverdueBlocksWhateverItsScopeAndHowOldItsRetrospective() {
            FollowUp training = escalated(scoped(fix("PAY-7", "Runbook training"), Scope.TRAINING), "CAB", true);
            FollowUp finished = done(fix("PAY-0", "Done"));
            GateAnswer answer = decide(facts(retro("CHG1", 1, finished), retro("CHG2", 2, finished),
                    retro("CHG3", 3, finished), retro("CHG4", 90, training)));

            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.rules()).containsExactly("overdue-escalations");
            assertThat(answer.reason()).startsWith("DENY: payment-gateway 4.3.0 to production waits for 1"
                    + " escalated item still overdue: PAY-7 'Runbook training' (due 2026-12-01, overdue, escalated"
                    + " to CAB). To proceed");
        }

        @Test
        void notEscalatedNoLongerOverdueOrDoneDoesNotBlock() {
            FollowUp notEscalated = scoped(escalated(fix("PAY-1", "a"), null, true), Scope.TRAINING);
            FollowUp caughtUp = scoped(escalated(fix("PAY-2", "b"), "CAB", false), Scope.TRAINING);
            FollowUp finished = scoped(done(escalated(fix("PAY-3", "c"), "CAB", true)), Scope.TRAINING);

            GateAnswer answer = decide(facts(retro("CHG1", 3, notEscalated, caughtUp, finished)));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.rules()).isEmpty();
        }
    }

    @Nested
    class EmptyRetrospectives {

        @Test
        void aRetrospectiveWithoutActionsOlderThanTheLimitOnlyWarns() {
            GateAnswer answer = decide(facts(retroAt("CHG0030001", NOW.minus(Duration.ofDays(2)).minusSeconds(1))));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.rules()).containsExactly("retrospective-without-actions");
            assertThat(answer.reason()).isEqualTo("ALLOW: payment-gateway 4.3.0 to production, with 1 warning:"
                    + " retrospective-without-actions warns: it waits for action items on the retrospective of"
                    + " CHG0030001 (open since 2026-12-05), which has none yet");
            assertThat(answer.warnings()).singleElement().satisfies(w -> assertThat(w.items()).containsExactly(
                    new GateItem("retrospective-without-actions", GateItem.Kind.RETROSPECTIVE, "change:CHG0030001",
                            "retrospective of CHG0030001", "RETRO-CHG0030001", "PRB-CHG0030001")));
            assertThat(answer.blocking()).isEmpty();
        }

        @Test
        void atExactlyTheLimitOrWithAnyActionItemItDoesNotHold() {
            assertThat(decide(facts(retroAt("CHG1", NOW.minus(Duration.ofDays(2))))).rules()).isEmpty();
            assertThat(decide(facts(retro("CHG1", 9, done(fix("PAY-1", "x"))))).rules()).isEmpty();
        }

        @Test
        void itBlocksWhenTheRuleSaysBlock() {
            GateTier tier = new GateTier("high", Set.of("production"), GateMode.ENFORCE, WhenUndecided.DENY,
                    List.of(new GateRule("empty-retros",
                            new RetrospectiveWithoutActions(
                                    Duration.ofHours(12), 3),
                            Effect.BLOCK)));
            GatePolicy policy = policy("standard", tiers(tier, STANDARD));

            GateAnswer answer = decide(policy, PROD, facts(retro("CHG1", 1), retro("CHG2", 2)));

            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.reason()).startsWith("DENY: payment-gateway 4.3.0 to production waits for action"
                    + " items on the retrospective of CHG1 (open since 2026-12-06) and the retrospective of CHG2"
                    + " (open since 2026-12-05), which have none yet.");
            assertThat(answer.blocking()).extracting(GateItem::kind).containsOnly(GateItem.Kind.RETROSPECTIVE);
        }
    }

    @Nested
    class Recurrences {

        private final FollowUp first = tagged(scoped(fix("PAY-1", "Pin config"), Scope.TOOLING_UPGRADE),
                "config-drift");
        private final FollowUp second = tagged(scoped(fix("PAY-2", "Diff config"), Scope.TOOLING_UPGRADE),
                "config-drift");

        @Test
        void aFailureModeInTwoOfTheLastRetrospectivesBlocksWhileOneOfItsItemsIsOpen() {
            GateAnswer answer = decide(facts(retro("CHG1", 1, first), retro("CHG2", 20, done(second))));

            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.rules()).containsExactly("recurring-failure-mode");
            assertThat(answer.reason()).startsWith("DENY: payment-gateway 4.3.0 to production waits for failure"
                    + " mode config-drift, which recurred in the retrospectives of CHG1 and CHG2, to be fixed: PAY-1"
                    + " 'Pin config' (due 2026-12-01). To proceed");
            assertThat(answer.blocking()).extracting(GateItem::jiraKey).containsExactly("PAY-1");
        }

        @Test
        void oneRetrospectiveOnlyOutsideTheWindowOrEverythingDoneDoesNotHold() {
            assertThat(decide(facts(retro("CHG1", 1, first, second))).rules()).isEmpty();
            assertThat(decide(facts(retro("CHG1", 1, first), retro("CHG2", 2), retro("CHG3", 3),
                    retro("CHG4", 4, second))).rules()).doesNotContain("recurring-failure-mode");
            assertThat(decide(facts(retro("CHG1", 1, done(first)), retro("CHG2", 2, done(second)))).rules())
                    .isEmpty();
        }
    }

    @Nested
    class Waivers {

        @Test
        void anActiveWaiverTurnsTheRulesBlockIntoAWarningNamingWhoWhyAndUntil() {
            Instant until = NOW.plusSeconds(1);
            Waiver waiver = waiver("payment-gateway", "open-immediate-fixes", until);

            GateAnswer answer = decide(policy(waiver), PROD, facts(retro("CHG0030001", 10, fix("PAY-31",
                    "Alert on error rate"))));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.waiversApplied()).containsExactly(waiver);
            assertThat(answer.rules()).containsExactly("open-immediate-fixes");
            assertThat(answer.blocking()).isEmpty();
            assertThat(answer.reason()).isEqualTo("ALLOW: payment-gateway 4.3.0 to production, with 1 warning:"
                    + " open-immediate-fixes waived by jane.doe@example.com until 2026-12-07T08:00:01Z: The ledger"
                    + " fix shipped with 4.3.0; the follow-up stayed open for its own review (it waits for 1 open"
                    + " immediate fix from the retrospective of CHG0030001: PAY-31 'Alert on error rate' (due"
                    + " 2026-12-01))");
            assertThat(answer.warnings()).singleElement().satisfies(w -> assertThat(w.items())
                    .extracting(GateItem::jiraKey).containsExactly("PAY-31"));
        }

        @Test
        void aWaiverNoLongerHoldsFromTheInstantItEnds() {
            GatePolicy policy = policy(waiver("payment-gateway", "open-immediate-fixes", NOW));

            GateAnswer answer = decide(policy, PROD, facts(retro("CHG1", 10, fix("PAY-31", "Alert"))));

            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.waiversApplied()).isEmpty();
            assertThat(answer.warnings()).extracting(GateWarning::message).containsExactly(
                    "waiver w-open-immediate-fixes of open-immediate-fixes by jane.doe@example.com expired at"
                            + " 2026-12-07T08:00:00Z");
            assertThat(answer.reason()).endsWith("Also: waiver w-open-immediate-fixes of open-immediate-fixes by"
                    + " jane.doe@example.com expired at 2026-12-07T08:00:00Z.");
            assertThat(decider.decide(policy, PROD, facts(retro("CHG1", 10, fix("PAY-31", "Alert"))),
                    NOW.minusNanos(1)).decision()).isEqualTo(GateDecision.ALLOW);
        }

        @Test
        void aWaiverCoversOnlyItsApplicationAndRule() {
            GatePolicy policy = policy(waiver("checkout", "open-immediate-fixes", NOW.plusSeconds(60)),
                    waiver("payment-gateway", "overdue-escalations", NOW.plusSeconds(60)));

            GateAnswer answer = decide(policy, PROD, facts(retro("CHG1", 10, fix("PAY-31", "Alert"))));

            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.waiversApplied()).isEmpty();
        }

        @Test
        void withOneOfTwoRulesWaivedTheOtherStillDenies() {
            GatePolicy policy = policy(waiver("payment-gateway", "open-immediate-fixes", NOW.plusSeconds(60)));

            GateAnswer answer = decide(policy, PROD, facts(retro("CHG0030001", 10, ALERT)));

            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.blocking()).extracting(GateItem::ruleId).containsExactly("overdue-escalations");
            assertThat(answer.reason()).contains("Also: open-immediate-fixes waived by jane.doe@example.com until");
        }
    }

    @Nested
    class Modes {

        @Test
        void aWarnGateAllowsAndSaysWhatWouldHaveBeenDenied() {
            GateAnswer answer = decide(policy(), ask("canary", "payment-gateway", "production"),
                    facts(retro("CHG0030001", 10, fix("PAY-31", "Alert on error rate"))));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.mode()).isEqualTo(GateMode.WARN);
            assertThat(answer.blocking()).isEmpty();
            assertThat(answer.reason()).isEqualTo("ALLOW: payment-gateway 4.3.0 to production would have been"
                    + " denied (warn mode): it waits for 1 open immediate fix from the retrospective of CHG0030001:"
                    + " PAY-31 'Alert on error rate' (due 2026-12-01).");
            assertThat(answer.warnings()).extracting(GateWarning::message).containsExactly("would have been denied"
                    + " by open-immediate-fixes: it waits for 1 open immediate fix from the retrospective of"
                    + " CHG0030001: PAY-31 'Alert on error rate' (due 2026-12-01)");
        }

        @Test
        void warnModeNeverBlocksWhateverTheFacts() {
            GatePolicy failClosed = policy("high", tiers(HIGH, STANDARD));
            List<GateFacts> everything = List.of(facts(retro("CHG1", 10, ALERT,
                            tagged(fix("PAY-2", "a"), "drift")), retro("CHG2", 20, tagged(fix("PAY-3", "b"), "drift")),
                            retro("CHG3", 30)),
                    GateFacts.unavailable("store unavailable"), GateFacts.notReady("retrospective being opened"));
            for (GateFacts facts : everything) {
                for (String application : List.of("payment-gateway", "ledger", "unlisted-app")) {
                    GateAnswer answer = decide(failClosed, ask("canary", application, "production"), facts);
                    assertThat(answer.decision()).as(application + " " + facts).isEqualTo(GateDecision.ALLOW);
                    assertThat(answer.blocking()).isEmpty();
                }
            }
        }

        @Test
        void aTierInWarnModeSoftensAnEnforcingGate() {
            GateAnswer answer = decide(policy(), ask("prod", "ledger", "production"),
                    facts(retro("CHG1", 10, ALERT)));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.mode()).isEqualTo(GateMode.WARN);
            assertThat(answer.rules()).containsExactly("standard-open-immediate-fixes", "standard-overdue-escalations");
            assertThat(answer.reason()).isEqualTo("ALLOW: ledger 4.3.0 to production would have been denied (warn"
                    + " mode): it waits for 1 open immediate fix from the retrospective of CHG1: PAY-31 'Alert on"
                    + " error rate' (due 2026-12-01, overdue, escalated to CAB). Also: standard-overdue-escalations"
                    + " warns: it waits for 1 escalated item still overdue: PAY-31 'Alert on error rate' (due"
                    + " 2026-12-01, overdue, escalated to CAB).");
            assertThat(answer.warnings()).extracting(GateWarning::ruleId)
                    .containsExactly("standard-open-immediate-fixes", "standard-overdue-escalations");
        }

        @Test
        void aGateOffAllowsWithoutLooking() {
            GateAnswer answer = decide(policy(), ask("dark", "payment-gateway", "production"),
                    GateFacts.unavailable("store unavailable"));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.mode()).isEqualTo(GateMode.OFF);
            assertThat(answer.reason()).isEqualTo("ALLOW: gate off for payment-gateway 4.3.0 to production (gate"
                    + " dark is off, tier high is enforce)");
        }

        @Test
        void aTierOffAllowsWhateverTheGate() {
            GateTier off = new GateTier("high", Set.of("production"), GateMode.OFF, WhenUndecided.DENY,
                    HIGH.rules());
            GateAnswer answer = decide(policy("standard", tiers(off, STANDARD)), PROD,
                    facts(retro("CHG1", 1, ALERT)));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.reason()).isEqualTo("ALLOW: gate off for payment-gateway 4.3.0 to production (gate"
                    + " prod is enforce, tier high is off)");
        }

        @Test
        void anUnknownGateIsJudgedInTheTiersModeAndSaysSo() {
            GateAnswer answer = decide(policy(), ask("nightly", "payment-gateway", "production"),
                    facts(retro("CHG1", 1, fix("PAY-1", "Fix"))));

            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.mode()).isEqualTo(GateMode.ENFORCE);
            assertThat(answer.reason()).endsWith(" (gate nightly is not defined in gates.yaml, so tier high's mode"
                    + " enforce applies)");
        }
    }

    @Nested
    class Environments {

        @Test
        void anEnvironmentTheTierDoesNotGuardIsAllowed() {
            GateAnswer answer = decide(policy(), ask("prod", "payment-gateway", "staging"),
                    facts(retro("CHG1", 1, ALERT)));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.reason()).isEqualTo("ALLOW: no gate for staging in tier high");
            assertThat(answer.rules()).isEmpty();
        }

        @Test
        void theEnvironmentIsComparedWhateverItsCase() {
            assertThat(decide(policy(), ask("prod", "payment-gateway", "Production"),
                    facts(retro("CHG1", 1, ALERT))).decision()).isEqualTo(GateDecision.DENY);
        }
    }

    @Nested
    class Undecided {

        @Test
        void anApplicationThePolicyDoesNotListGetsTheDefaultTiersUndecidedAnswerNamingIt() {
            GateAnswer answer = decide(policy(), ask("prod", "inventory", "production"),
                    facts(retro("CHG1", 1, ALERT)));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.tier()).isEqualTo("standard");
            assertThat(answer.reason()).isEqualTo("ALLOW: inventory 4.3.0 to production: cannot decide: inventory is"
                    + " not listed in gates.yaml, so it is in the default tier standard; tier standard fails open"
                    + " (when-undecided: allow)");
        }

        @Test
        void aDefaultTierThatFailsClosedDeniesAnUnlistedApplication() {
            GatePolicy policy = policy("high", tiers(HIGH, STANDARD));

            GateAnswer answer = decide(policy, ask("prod", "inventory", "production"), facts());

            assertThat(answer.decision()).isEqualTo(GateDecision.DENY);
            assertThat(answer.reason()).isEqualTo("DENY: inventory 4.3.0 to production: cannot decide: inventory is"
                    + " not listed in gates.yaml, so it is in the default tier high; tier high fails closed"
                    + " (when-undecided: deny)");
        }

        @Test
        void factsThatCannotBeReadGetTheTiersUndecidedAnswer() {
            GateAnswer denied = decide(GateFacts.unavailable("the store did not answer"));
            assertThat(denied.decision()).isEqualTo(GateDecision.DENY);
            assertThat(denied.reason()).isEqualTo("DENY: payment-gateway 4.3.0 to production: cannot decide: its"
                    + " follow-ups could not be read: the store did not answer; tier high fails closed"
                    + " (when-undecided: deny)");

            GateTier failOpen = new GateTier("high", Set.of("production"), GateMode.ENFORCE, WhenUndecided.ALLOW,
                    HIGH.rules());
            GateAnswer allowed = decide(policy("standard", tiers(failOpen, STANDARD)), PROD,
                    GateFacts.unavailable("the store did not answer"));
            assertThat(allowed.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(allowed.reason()).endsWith("tier high fails open (when-undecided: allow)");
        }

        @Test
        void aFailClosedAnswerInWarnModeAllowsSayingItWouldHaveBeenDenied() {
            GateAnswer answer = decide(policy(), ask("canary", "payment-gateway", "production"),
                    GateFacts.unavailable("the store did not answer"));

            assertThat(answer.decision()).isEqualTo(GateDecision.ALLOW);
            assertThat(answer.reason()).isEqualTo("ALLOW: payment-gateway 4.3.0 to production would have been"
                    + " denied (warn mode): cannot decide: its follow-ups could not be read: the store did not"
                    + " answer; tier high fails closed (when-undecided: deny)");
        }

        @Test
        void factsStillBeingGatheredArePendingInEnforceMode() {
            GateAnswer answer = decide(GateFacts.notReady("the retrospective of CHG0030042 is being opened"));

            assertThat(answer.decision()).isEqualTo(GateDecision.PENDING);
            assertThat(answer.allowed()).isFalse();
            assertThat(answer.reason()).isEqualTo("PENDING: payment-gateway 4.3.0 to production waits while"
                    + " follow-ups are still being gathered: the retrospective of CHG0030042 is being opened; ask"
                    + " again shortly");
        }
    }

    @Nested
    class Text {

        @Test
        void hostileTitlesStayAsGivenButOnOneLine() {
            String title = "Fix\r\nDENY: <script>alert('x')</script>\t\"quoted\"\u2028end";
            GateAnswer answer = decide(facts(retro("CHG1", 1, fix("PAY-1", title))));

            assertThat(answer.reason()).doesNotContain("\n", "\r", "\t", "\u2028")
                    .contains("PAY-1 'Fix DENY: <script>alert('x')</script> \"quoted\" end' (due 2026-12-01)");
            assertThat(answer.blocking()).singleElement().extracting(GateItem::title).isEqualTo(title);
        }

        @Test
        void aReleaseWithoutVersionIsNamedByApplicationAndEnvironment() {
            GateAnswer answer = decide(policy(), new ReleaseQuestion("prod", "payment-gateway", null, "production",
                    null, null, null), facts());

            assertThat(answer.reason()).isEqualTo("ALLOW: payment-gateway to production: nothing in tier high holds"
                    + " it back");
        }
    }
}
