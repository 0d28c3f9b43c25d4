package io.retrobridge.mapping.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.Scope;
import io.retrobridge.mapping.LoadedMappings;
import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingLoader;
import io.retrobridge.mapping.MappingProblem;
import io.retrobridge.mapping.MappingValidationException;
import io.retrobridge.mapping.gate.GateCondition.EscalatedOverdue;
import io.retrobridge.mapping.gate.GateCondition.FailureModeRecurred;
import io.retrobridge.mapping.gate.GateCondition.OpenCorrectiveActions;
import io.retrobridge.mapping.gate.GateCondition.RetrospectiveWithoutActions;
import io.retrobridge.mapping.gate.GateRule.Effect;
import io.retrobridge.mapping.gate.GateTier.WhenUndecided;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What gates.yaml says reaches the policy the gate decides from, exactly; and each mistake an admin can make gets a
 * message naming file, line, column and a fix, while the whole set of files is refused.
 */
class GatesParserTest {

    private static final String MINIMAL = String.join("\n",
            "version: 1",
            "default-tier: low",
            "tiers:",
            "  low:",
            "    when-undecided: allow",
            "    rules:",
            "      - {id: fixes, when: open-corrective-actions, effect: warn}",
            "      - {id: quiet, when: retrospective-without-actions, older-than: 12h, effect: warn}",
            "      - {id: again, when: failure-mode-recurred, effect: block}",
            "gates:",
            "  prod: {mode: enforce}",
            "");

    @TempDir
    Path dir;

    private List<MappingProblem> problemsOf(String content) {
        return MappingFiles.problemsOf(GateFiles.write(dir, content));
    }

    /** The one problem of {@code content}, checked to sit where {@code within} starts inside {@code marker}. */
    private MappingProblem onlyProblemAt(String content, String marker, String within) {
        int index = content.indexOf(marker);
        assertThat(index).as("marker " + marker).isNotNegative();
        return onlyProblemAt(content, index + marker.indexOf(within));
    }

    /** The one problem of {@code content}, checked to sit at the character {@code index}. */
    private MappingProblem onlyProblemAt(String content, int index) {
        List<MappingProblem> problems = problemsOf(content);
        assertThat(problems).as(problems.toString()).hasSize(1);
        MappingProblem problem = problems.get(0);
        String upTo = content.substring(0, index);
        assertThat(problem.file()).isEqualTo(GatePolicy.FILE_NAME);
        assertThat(problem.line()).as("line").isEqualTo(upTo.chars().filter(c -> c == '\n').count() + 1);
        assertThat(problem.column()).as("column").isEqualTo(index - upTo.lastIndexOf('\n'));
        assertThat(problem.fix()).isNotBlank();
        assertThat(problem.format()).startsWith(GatePolicy.FILE_NAME + ":" + problem.line() + ":"
                + problem.column() + ": ");
        return problem;
    }

    private MappingProblem onlyProblemAt(String content, String marker) {
        return onlyProblemAt(content, marker, marker);
    }

    @Test
    void theShippedFileHoldsThePaymentGatewayToItsFollowUpsInProduction() {
        LoadedMappings loaded = MappingFiles.load(GateFiles.write(dir, GateFiles.shipped()));
        GatePolicy policy = loaded.gates().orElseThrow();

        assertThat(loaded.files()).containsExactly("action-items.yaml", GatePolicy.FILE_NAME);
        assertThat(loaded.summary()).isEqualTo("2 files, 5 rules, 2 gate tiers");
        assertThat(policy.defaultTier()).isEqualTo("standard");
        assertThat(policy.applications()).isEqualTo(Map.of("payment-gateway", "high", "checkout", "high"));
        assertThat(policy.tiers()).containsOnlyKeys("high", "standard");
        assertThat(policy.tiers().keySet()).containsExactly("high", "standard");

        GateTier high = policy.tiers().get("high");
        assertThat(high).isEqualTo(new GateTier("high", Set.of("production"), GateMode.ENFORCE, WhenUndecided.DENY,
                List.of(new GateRule("open-immediate-fixes", new OpenCorrectiveActions(Set.of(Scope.IMMEDIATE_FIX), 3),
                                Effect.BLOCK),
                        new GateRule("overdue-escalations", new EscalatedOverdue(), Effect.BLOCK),
                        new GateRule("retrospective-without-actions",
                                new RetrospectiveWithoutActions(Duration.ofDays(2), 3), Effect.WARN),
                        new GateRule("recurring-failure-mode", new FailureModeRecurred(3), Effect.BLOCK))));
        assertThat(policy.tierOf("payment-gateway")).isSameAs(high);

        GateTier standard = policy.tiers().get("standard");
        assertThat(standard).isEqualTo(new GateTier("standard", Set.of("production"), GateMode.WARN,
                WhenUndecided.ALLOW, List.of(new GateRule("standard-open-immediate-fixes",
                        new OpenCorrectiveActions(Set.of(Scope.IMMEDIATE_FIX), 3), Effect.BLOCK),
                new GateRule("standard-overdue-escalations", new EscalatedOverdue(), Effect.WARN))));

        assertThat(policy.gates().values()).containsExactly(new Gate("prod", GateMode.ENFORCE),
                new Gate("canary", GateMode.WARN));
        assertThat(policy.waivers()).containsExactly(new Waiver("pg-ledger-fix-ships-with-4-3", "payment-gateway",
                "open-immediate-fixes", "jane.doe@example.com", "The ledger fix shipped with 4.3.0; the follow-up"
                        + " stayed open for its own review", Instant.parse("2026-11-30T18:00:00Z")));
    }

    @Test
    void theShippedFileEnforcesOnThePaymentGatewaysProductionDeploymentsOnly() {
        GatePolicy policy = GateFiles.load(dir, GateFiles.shipped());
        Gate prod = policy.gateFor("prod").orElseThrow();
        GateTier paymentGateway = policy.tierOf("payment-gateway");

        assertThat(prod.modeFor(paymentGateway)).isEqualTo(GateMode.ENFORCE);
        assertThat(paymentGateway.appliesIn("production")).isTrue();
        assertThat(paymentGateway.appliesIn("staging")).isFalse();
        assertThat(paymentGateway.rules().stream().filter(GateRule::blocks).map(GateRule::id))
                .containsExactly("open-immediate-fixes", "overdue-escalations", "recurring-failure-mode");
        assertThat(policy.activeWaivers("payment-gateway", "open-immediate-fixes",
                Instant.parse("2026-12-07T08:00:00Z"))).as("the shipped waiver is kept for the record only").isEmpty();
    }

    @Test
    void aFileWithOnlyWhatIsRequiredTakesTheDefaults() {
        GatePolicy policy = GateFiles.load(dir, MINIMAL);

        assertThat(policy.applications()).isEmpty();
        assertThat(policy.waivers()).isEmpty();
        assertThat(policy.tierOf("anything")).isEqualTo(new GateTier("low", Set.of("production"), GateMode.ENFORCE,
                WhenUndecided.ALLOW, List.of(
                        new GateRule("fixes", new OpenCorrectiveActions(Set.of(Scope.IMMEDIATE_FIX), 3), Effect.WARN),
                        new GateRule("quiet", new RetrospectiveWithoutActions(Duration.ofHours(12), 3), Effect.WARN),
                        new GateRule("again", new FailureModeRecurred(3), Effect.BLOCK))));
    }

    @Test
    void editedSettingsAreTakenAsWritten() {
        GatePolicy policy = GateFiles.load(dir, GateFiles.shippedWith(
                        "        scope: [immediate-fix]\n        last-retrospectives: 3",
                        "        scope: [immediate-fix, tooling-upgrade]\n        last-retrospectives: 5")
                .replace("    environments: [production]\n    mode: enforce",
                        "    environments: [production, eu-prod]\n    mode: warn")
                .replace("        older-than: 2d", "        older-than: 90m")
                .replace("  canary: {mode: warn}", "  canary: {mode: off}")
                .replace("until: 2026-11-30T18:00:00Z", "until: 2027-01-15T09:30:00+01:00"));

        GateTier high = policy.tiers().get("high");
        assertThat(high.environments()).containsExactlyInAnyOrder("production", "eu-prod");
        assertThat(high.mode()).isEqualTo(GateMode.WARN);
        assertThat(high.rules().get(0).when()).isEqualTo(new OpenCorrectiveActions(Set.of(Scope.IMMEDIATE_FIX,
                Scope.TOOLING_UPGRADE), 5));
        assertThat(high.rules().get(2).when()).isEqualTo(new RetrospectiveWithoutActions(Duration.ofMinutes(90), 3));
        assertThat(policy.gateFor("canary").orElseThrow().mode()).isEqualTo(GateMode.OFF);
        assertThat(policy.waivers().get(0).until()).isEqualTo(Instant.parse("2027-01-15T08:30:00Z"));
    }

    @Test
    void anAlreadyExpiredWaiverIsAcceptedAndKeptForTheRecord() {
        // Loading never depends on the clock: the file that validated in CI loads the same on tomorrow's reload.
        GatePolicy policy = GateFiles.load(dir, GateFiles.shippedWith("until: 2026-11-30T18:00:00Z",
                "until: 2020-01-01T00:00:00Z"));

        assertThat(policy.expiredWaivers(Instant.parse("2026-12-07T08:00:00Z"))).extracting(Waiver::id)
                .containsExactly("pg-ledger-fix-ships-with-4-3");
    }

    @Test
    void withoutTheFileThereIsNoGatePolicy() {
        LoadedMappings without = MappingFiles.load(MappingFiles.writeEscalations(dir,
                MappingFiles.shippedEscalations()));

        assertThat(without.gates()).isEmpty();
        assertThat(without.files()).doesNotContain(GatePolicy.FILE_NAME);
        assertThat(without.summary()).doesNotContain("gate");
    }

    @Test
    void anEditedFileCanBeCheckedBeforeItIsSavedLikeEveryMappingFile() throws MappingValidationException {
        GateFiles.write(dir, GateFiles.shipped());
        LoadedMappings checked = MappingLoader.forValidation().loadText(dir, GatePolicy.FILE_NAME,
                GateFiles.shippedWith("  checkout: high", "  checkout: standard").getBytes(StandardCharsets.UTF_8));

        assertThat(checked.gates().orElseThrow().tierOf("checkout").name()).isEqualTo("standard");
        assertThat(MappingLoader.KNOWN_FILES).contains(GatePolicy.FILE_NAME);
    }

    // ---- each mistake, at its place ------------------------------------------------------------------------

    @Test
    void aMisspeltKeySuggestsTheNearestOne() {
        MappingProblem top = onlyProblemAt(GateFiles.shippedWith("waivers:\n", "waiver:\n"), "waiver:\n", "waiver");
        assertThat(top.message()).isEqualTo("unknown key `waiver`; did you mean `waivers`?");
        assertThat(top.fix()).isEqualTo("rename it to `waivers`");

        String rule = GateFiles.shippedWith("        older-than: 2d", "        older-then: 2d");
        List<MappingProblem> problems = problemsOf(rule);
        assertThat(problems).extracting(MappingProblem::message).containsExactly(
                "unknown key `older-then`; did you mean `older-than`?",
                "missing `older-than`: how long a retrospective may stay without actions");
        assertThat(problems.get(0).line()).isEqualTo(MappingFiles.lineOf(rule, "older-then"));
        assertThat(problems.get(0).column()).isEqualTo(MappingFiles.columnOf(rule, "older-then"));

        String tier = GateFiles.shippedWith("    when-undecided: deny", "    when-undecided: deny\n    mod: warn");
        assertThat(onlyProblemAt(tier, "mod: warn", "mod").message())
                .isEqualTo("unknown key `mod`; did you mean `mode`?");
    }

    @Test
    void anApplicationsTierMustBeDefined() {
        MappingProblem problem = onlyProblemAt(GateFiles.shippedWith("  payment-gateway: high",
                "  payment-gateway: hgh"), "hgh");

        assertThat(problem.message()).isEqualTo("tier `hgh` is not defined under `tiers`; did you mean `high`?");
        assertThat(problem.fix()).isEqualTo("write `high`");
        assertThat(problem.path()).isEqualTo("applications.payment-gateway");

        MappingProblem unknown = onlyProblemAt(GateFiles.shippedWith("default-tier: standard",
                "default-tier: critical"), "critical");
        assertThat(unknown.message()).isEqualTo("tier `critical` is not defined under `tiers`");
        assertThat(unknown.fix()).isEqualTo("use one of: high, standard, or define it under `tiers`");
    }

    @Test
    void anApplicationMustBeANameADeploymentCanCarry() {
        MappingProblem problem = onlyProblemAt(GateFiles.shippedWith("  checkout: high",
                "  \"Check Out\": high"), "\"Check Out\"");

        assertThat(problem.message()).isEqualTo("application `Check Out` is not a name a deployment can carry,"
                + " so it would never match");
        assertThat(problem.fix()).isEqualTo("write it as pipelines report it: letters, digits and . _ - /,"
                + " e.g. `check-out`");
    }

    @Test
    void aRuleIdIsUniqueAcrossTheWholeFile() {
        String content = GateFiles.shippedWith("      - id: standard-open-immediate-fixes",
                "      - id: open-immediate-fixes");
        int second = content.indexOf("id: open-immediate-fixes", content.indexOf("id: open-immediate-fixes") + 1)
                + "id: ".length();

        MappingProblem problem = onlyProblemAt(content, second);

        assertThat(problem.message()).isEqualTo("rule id `open-immediate-fixes` is used twice (first at line "
                + MappingFiles.lineOf(content, "id: open-immediate-fixes") + ")");
        assertThat(problem.path()).isEqualTo("tiers.standard.rules[0].id");
    }

    @Test
    void idsAndNamesAreLowerCaseWordsWithHyphens() {
        assertThat(onlyProblemAt(GateFiles.shippedWith("      - id: overdue-escalations",
                "      - id: Overdue_Escalations"), "Overdue_Escalations").message())
                .isEqualTo("rule id `Overdue_Escalations` must be lower-case words joined by hyphens");

        MappingProblem gate = onlyProblemAt(GateFiles.shippedWith("  canary: {mode: warn}",
                "  Canary: {mode: warn}"), "Canary");
        assertThat(gate.message()).isEqualTo("gate name `Canary` must be lower-case words joined by hyphens");
        assertThat(gate.fix()).isEqualTo("write `canary`");

        String tier = GateFiles.shippedWith("  standard:\n    environments", "  Standard:\n    environments");
        List<MappingProblem> problems = problemsOf(tier);
        assertThat(problems).extracting(MappingProblem::message).containsExactly(
                "tier name `Standard` must be lower-case words joined by hyphens",
                "tier `standard` is not defined under `tiers`; did you mean `Standard`?");
        assertThat(problems.get(0).line()).isEqualTo(MappingFiles.lineOf(tier, "Standard:"));
    }

    @Test
    void aGateCannotTakeTheNameOfAPathTheServiceServesUnderApiGates() {
        MappingProblem hooks = onlyProblemAt(GateFiles.shippedWith("  canary: {mode: warn}", "  hooks: {mode: warn}"),
                "hooks");

        assertThat(hooks.message()).isEqualTo("`hooks` cannot name a gate: /api/gates/hooks/ is where the service "
                + "serves the callers' hooks");
        assertThat(hooks.fix()).isEqualTo("name the gate otherwise, e.g. `prod`");
        assertThat(onlyProblemAt(GateFiles.shippedWith("  canary: {mode: warn}", "  evaluations: {mode: warn}"),
                "evaluations").message()).startsWith("`evaluations` cannot name a gate");
    }

    @Test
    void aWaiverNamesARuleOfItsApplicationsTier() {
        MappingProblem missing = onlyProblemAt(GateFiles.shippedWith("    rule: open-immediate-fixes",
                "    rule: open-immediate-fix"), "rule: open-immediate-fix", "open-immediate-fix");
        assertThat(missing.message()).isEqualTo("rule `open-immediate-fix` is not defined in any tier; did you mean"
                + " `open-immediate-fixes`?");
        assertThat(missing.path()).isEqualTo("waivers[0].rule");

        MappingProblem otherTier = onlyProblemAt(GateFiles.shippedWith("    rule: open-immediate-fixes",
                "    rule: standard-open-immediate-fixes"), "rule: standard-open", "standard-open");
        assertThat(otherTier.message()).isEqualTo("rule `standard-open-immediate-fixes` is in tier `standard` but"
                + " `payment-gateway` is in tier `high`, so the waiver would never apply");

        MappingProblem unlisted = onlyProblemAt(GateFiles.shippedWith("    application: payment-gateway",
                "    application: ledger"), "rule: open-immediate-fixes", "open-immediate-fixes");
        assertThat(unlisted.message()).isEqualTo("rule `open-immediate-fixes` is in tier `high` but `ledger` is in"
                + " tier `standard` (the default: `applications` does not list it), so the waiver would never apply");
    }

    @Test
    void aWaiverSaysWhoSignedItOffByEMailAndUntilAnInstant() {
        MappingProblem who = onlyProblemAt(GateFiles.shippedWith("who: jane.doe@example.com", "who: Jane Doe"),
                "Jane Doe");
        assertThat(who.message()).isEqualTo("`Jane Doe` is not an e-mail address; a waiver names who signed it off");

        MappingProblem until = onlyProblemAt(GateFiles.shippedWith("until: 2026-11-30T18:00:00Z",
                "until: 2026-11-30"), "2026-11-30\n", "2026-11-30");
        assertThat(until.message()).isEqualTo("`2026-11-30` is not an instant with its time zone");
        assertThat(until.fix()).isEqualTo("write date, time and zone, e.g. `2026-12-31T18:00:00Z`");

        MappingProblem noZone = onlyProblemAt(GateFiles.shippedWith("until: 2026-11-30T18:00:00Z",
                "until: 2026-11-30T18:00:00"), "2026-11-30T18:00:00\n", "2026-11-30");
        assertThat(noZone.path()).isEqualTo("waivers[0].until");

        MappingProblem why = onlyProblemAt(GateFiles.shippedWith("    why: \"The ledger fix shipped with 4.3.0; the"
                + " follow-up stayed open for its own review\"", "    why: \"\""), "why: \"\"", "\"\"");
        assertThat(why.message()).isEqualTo("is empty");
        assertThat(why.path()).isEqualTo("waivers[0].why");
    }

    @Test
    void scopesAreTheScopesActionItemsAreClassifiedBy() {
        MappingProblem problem = onlyProblemAt(GateFiles.shippedWith("        scope: [immediate-fix]\n"
                + "        last-retrospectives: 3", "        scope: [immediate-fixes]\n"
                + "        last-retrospectives: 3"), "[immediate-fixes]", "immediate-fixes");

        assertThat(problem.message()).isEqualTo("`immediate-fixes` is not allowed here; expected one of"
                + " immediate-fix, process-improvement, tooling-upgrade, training (did you mean `immediate-fix`?)");
        assertThat(problem.path()).isEqualTo("tiers.high.rules[0].scope[0]");
    }

    @Test
    void modesEffectsAndConditionsComeFromTheirLists() {
        assertThat(onlyProblemAt(GateFiles.shippedWith("    mode: enforce", "    mode: enforced"), "enforced")
                .message()).isEqualTo("`enforced` is not allowed here; expected one of off, warn, enforce (did you"
                + " mean `enforce`?)");
        assertThat(onlyProblemAt(GateFiles.shippedWith("  prod: {mode: enforce}", "  prod: {mode: strict}"),
                "strict").path()).isEqualTo("gates.prod.mode");
        assertThat(onlyProblemAt(GateFiles.shippedWith("    when-undecided: deny", "    when-undecided: closed"),
                "when-undecided: closed", "closed").message())
                .isEqualTo("`closed` is not allowed here; expected one of deny, allow");
        assertThat(onlyProblemAt(GateFiles.shippedWith("        when: escalated-overdue\n        effect: block",
                "        when: escalated-overdue\n        effect: blocks"), "blocks").message())
                .isEqualTo("`blocks` is not allowed here; expected one of block, warn (did you mean `block`?)");
        assertThat(onlyProblemAt(GateFiles.shippedWith("        when: failure-mode-recurred",
                "        when: failure-mode-recured"), "failure-mode-recured").message())
                .isEqualTo("`failure-mode-recured` is not allowed here; expected one of open-corrective-actions,"
                        + " escalated-overdue, retrospective-without-actions, failure-mode-recurred (did you mean"
                        + " `failure-mode-recurred`?)");
    }

    @Test
    void aSettingTheConditionDoesNotReadIsNamed() {
        String content = GateFiles.shippedWith("        when: escalated-overdue\n        effect: block",
                "        when: escalated-overdue\n        scope: [immediate-fix]\n        effect: block");
        MappingProblem problem = onlyProblemAt(content, content.indexOf("scope",
                content.indexOf("when: escalated-overdue")));

        assertThat(problem.message()).isEqualTo("`scope` does not apply to `escalated-overdue`");
        assertThat(problem.fix()).isEqualTo("remove it; `escalated-overdue` takes no settings");

        String olderThan = GateFiles.shippedWith("        scope: [immediate-fix]\n        last-retrospectives: 3",
                "        scope: [immediate-fix]\n        older-than: 2d");
        MappingProblem other = onlyProblemAt(olderThan, "older-than: 2d\n        effect: block", "older-than");
        assertThat(other.fix()).isEqualTo("remove it; `open-corrective-actions` reads scope and last-retrospectives");
    }

    @Test
    void aRetrospectiveWithoutActionsNeedsItsAge() {
        String content = GateFiles.shippedWith("        older-than: 2d\n", "");
        MappingProblem problem = onlyProblemAt(content, "      - id: retrospective-without-actions", "id:");

        assertThat(problem.message()).isEqualTo("missing `older-than`: how long a retrospective may stay without"
                + " actions");
        assertThat(problem.fix()).isEqualTo("add `older-than:` under the rule, e.g. `older-than: 2d`");
    }

    @Test
    void durationsAndCountsAreChecked() {
        MappingProblem duration = onlyProblemAt(GateFiles.shippedWith("older-than: 2d", "older-than: 2 days"),
                "2 days");
        assertThat(duration.message()).isEqualTo("`2 days` is not a positive duration");
        assertThat(duration.fix()).isEqualTo("write a whole number and a unit, s, m, h or d, e.g. `2d`, `12h` or"
                + " `90m`");

        String zero = GateFiles.shippedWith("        scope: [immediate-fix]\n        last-retrospectives: 3",
                "        scope: [immediate-fix]\n        last-retrospectives: 0");
        assertThat(onlyProblemAt(zero, "last-retrospectives: 0", "0").message())
                .isEqualTo("`0` is not a number of retrospectives from 1 to 100");

        String once = GateFiles.shippedWith("        when: failure-mode-recurred\n        last-retrospectives: 3",
                "        when: failure-mode-recurred\n        last-retrospectives: 1");
        MappingProblem problem = onlyProblemAt(once, "last-retrospectives: 1", "1");
        assertThat(problem.message()).isEqualTo("a failure mode cannot recur within 1 retrospective");
        assertThat(problem.fix()).isEqualTo("look at 2 or more, e.g. `3`");
    }

    @Test
    void environmentsAreLowerCase() {
        String content = GateFiles.shippedWith("    environments: [production]\n    mode: warn",
                "    environments: [Production]\n    mode: warn");

        MappingProblem problem = onlyProblemAt(content, "Production");
        assertThat(problem.message()).startsWith("environment `Production` is not a lower-case name");
        assertThat(problem.fix()).isEqualTo("write `production`");
        assertThat(problem.path()).isEqualTo("tiers.standard.environments[0]");

        String none = GateFiles.shippedWith("    environments: [production]\n    mode: warn",
                "    environments: []\n    mode: warn");
        assertThat(onlyProblemAt(none, "[]").message())
                .isEqualTo("no environment listed, so the tier's rules would apply nowhere");
    }

    @Test
    void aTierSaysWhatToAnswerWhenUndecidedAndThereIsAGateToCall() {
        String content = GateFiles.shippedWith("    when-undecided: allow\n", "");
        MappingProblem undecided = onlyProblemAt(content, content.indexOf("environments",
                content.indexOf("  standard:\n")));
        assertThat(undecided.message()).isEqualTo("missing `when-undecided`");

        MappingProblem gates = onlyProblemAt(GateFiles.shippedWith("gates:\n  prod: {mode: enforce}\n"
                + "  canary: {mode: warn}", "gates: {}"), "{}");
        assertThat(gates.message()).isEqualTo("no gate defined, so pipelines have nothing to call");
    }

    @Test
    void tiersThatAreNotAMapAreReportedOnceNotAtEveryReferenceToThem() {
        String content = "version: 1\ndefault-tier: high\napplications: {payment-gateway: high}\ntiers: [high]\n"
                + "gates: {prod: {mode: enforce}}\n";

        MappingProblem problem = onlyProblemAt(content, "[high]");

        assertThat(problem.message()).isEqualTo("expected a map but found a list");
        assertThat(problem.path()).isEqualTo("tiers");
    }

    @Test
    void anUnsupportedVersionIsRefused() {
        assertThat(onlyProblemAt(GateFiles.shippedWith("version: 1", "version: 2"), "2\n", "2").message())
                .isEqualTo("version `2` is not supported; this RetroBridge reads version 1");
    }

    @Test
    void aBrokenGatesFileRefusesTheWholeSetEvenWhenTheOtherFilesAreGood() {
        List<MappingProblem> problems = problemsOf(GateFiles.shippedWith("older-than: 2d", "older-than: soon"));

        assertThat(problems).extracting(MappingProblem::file).containsOnly(GatePolicy.FILE_NAME);
        assertThat(problems).extracting(MappingProblem::message).containsExactly("`soon` is not a positive duration");
    }
}
