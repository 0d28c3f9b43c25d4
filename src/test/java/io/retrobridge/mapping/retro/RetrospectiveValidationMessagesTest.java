package io.retrobridge.mapping.retro;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.mapping.MappingFiles;
import io.retrobridge.mapping.MappingProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mistake an admin can make in retrospectives.yaml gets one message that says where (file, line, column, path),
 * what is wrong and how to fix it. Every case edits the shipped file in one place.
 */
class RetrospectiveValidationMessagesTest {

    @TempDir
    Path dir;

    private MappingProblem onlyProblemAt(String content, String marker) {
        List<MappingProblem> problems = MappingFiles.problemsOf(RetrospectiveFiles.write(dir, content));
        assertThat(problems).as(problems.toString()).hasSize(1);
        MappingProblem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo("retrospectives.yaml");
        assertThat(problem.line()).as("line of " + marker).isEqualTo(MappingFiles.lineOf(content, marker));
        assertThat(problem.column()).as("column of " + marker).isEqualTo(MappingFiles.columnOf(content, marker));
        assertThat(problem.fix()).isNotBlank();
        assertThat(problem.format()).startsWith("retrospectives.yaml:" + problem.line() + ":" + problem.column() + ": ");
        return problem;
    }

    private static String edited(String from, String to) {
        return RetrospectiveFiles.shippedWith(from, to);
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearestOne() {
        String content = edited("programs:\n  payments:", "program:\n  payments:");
        MappingProblem problem = onlyProblemAt(content, "program:\n");
        assertThat(problem.message()).isEqualTo("unknown key `program`; did you mean `programs`?");
        assertThat(problem.fix()).isEqualTo("rename it to `programs`");
    }

    @Test
    void unknownTierNamesTheDefinedOnes() {
        String content = edited("    tier: lightweight\n    due: 10 business days", "    tier: light\n    due: 10 business"
                + " days");
        MappingProblem problem = onlyProblemAt(content, "light\n");
        assertThat(problem.message()).isEqualTo("unknown tier `light`");
        assertThat(problem.fix()).isEqualTo("use one of the tiers defined under `tiers:`: lightweight, deep-dive");
        assertThat(problem.path()).isEqualTo("rules[3].tier");
    }

    @Test
    void misspeltTierSuggestsTheNearest() {
        String content = edited("threshold: {failures: 3, within: 30 days, tier: deep-dive",
                "threshold: {failures: 3, within: 30 days, tier: deep-dve");
        MappingProblem problem = onlyProblemAt(content, "deep-dve");
        assertThat(problem.message()).isEqualTo("unknown tier `deep-dve`; did you mean `deep-dive`?");
        assertThat(problem.path()).isEqualTo("programs.payments.threshold.tier");
    }

    @Test
    void unreadableDueListsTheAcceptedForms() {
        String content = edited("    due: 10 business days\n    failed-release", "    due: 2 weeks\n    failed-release");
        MappingProblem problem = onlyProblemAt(content, "2 weeks");
        assertThat(problem.message()).isEqualTo("`2 weeks` is not a time until the retrospective is due");
        assertThat(problem.fix()).isEqualTo("write `N day(s)` (calendar days) or `N business day(s)` (working days of"
                + " `calendar`), N from 1 to 365, e.g. `5 business days`");
        assertThat(problem.path()).isEqualTo("rules[3].due");
    }

    @Test
    void aRuleThatOpensRetrospectivesNeedsADueDate() {
        String content = edited("    tier: lightweight\n    due: 10 business days\n", "    tier: lightweight\n");
        MappingProblem problem = onlyProblemAt(content, "id: emergency-change");
        assertThat(problem.message()).isEqualTo("a rule that opens retrospectives needs `due`");
        assertThat(problem.path()).isEqualTo("rules[3]");
    }

    @Test
    void anExclusionHasNoTier() {
        String content = edited("    retrospective: none\n", "    retrospective: none\n    tier: lightweight\n");
        MappingProblem problem = onlyProblemAt(content, "tier: lightweight\n\n  - id: emergency-change");
        assertThat(problem.message()).isEqualTo("`tier` has no meaning in a rule that says `retrospective: none`");
    }

    @Test
    void retrospectiveTakesOnlyNone() {
        String content = edited("retrospective: none", "retrospective: skip");
        MappingProblem problem = onlyProblemAt(content, "skip\n\n");
        assertThat(problem.message()).isEqualTo("`skip` is not allowed here; expected one of none");
    }

    @Test
    void aRuleMixingChangeAndDeploymentIsRefused() {
        String content = edited("when: {change-type: [emergency]}", "when: {change-type: [emergency], environment:"
                + " [production]}");
        MappingProblem problem = onlyProblemAt(content, "environment: [production]}\n    tier: lightweight\n    due: 10");
        assertThat(problem.message()).isEqualTo("a rule matches either a change (change-type, close-code,"
                + " major-incident) or a deployment (deployment, environment); this one names `change-type` and"
                + " `environment`");
        assertThat(problem.path()).isEqualTo("rules[3].when.environment");
    }

    @Test
    void unknownDeploymentOutcomeSuggestsTheNearest() {
        String content = edited("when: {deployment: [rolled-back]", "when: {deployment: [rolledback]");
        MappingProblem problem = onlyProblemAt(content, "rolledback");
        assertThat(problem.message()).isEqualTo("`rolledback` is not allowed here; expected one of succeeded, failed,"
                + " aborted, rolled-back (did you mean `rolled-back`?)");
        assertThat(problem.path()).isEqualTo("rules[5].when.deployment[0]");
    }

    @Test
    void unknownChangeTypeIsRefused() {
        String content = edited("change-type: [emergency]", "change-type: [urgent]");
        MappingProblem problem = onlyProblemAt(content, "urgent");
        assertThat(problem.message()).startsWith("`urgent` is not allowed here; expected one of normal, standard,"
                + " emergency");
    }

    @Test
    void closeCodeLabelInsteadOfValueIsRefused() {
        String content = edited("close-code: [unsuccessful, backed_out]", "close-code: [Unsuccessful, backed_out]");
        MappingProblem problem = onlyProblemAt(content, "Unsuccessful");
        assertThat(problem.message()).isEqualTo("`Unsuccessful` is not a close code value");
        assertThat(problem.fix()).contains("unsuccessful");
    }

    @Test
    void upperCaseEnvironmentIsRefused() {
        String content = edited("when: {deployment: [failed, aborted], environment: [production]}",
                "when: {deployment: [failed, aborted], environment: [Production]}");
        MappingProblem problem = onlyProblemAt(content, "Production");
        assertThat(problem.fix()).isEqualTo("write it in lower case, e.g. production");
    }

    @Test
    void duplicateRuleIdNamesTheFirst() {
        String content = edited("- id: production-rollback", "- id: change-failed");
        MappingProblem problem = onlyProblemAt(content, "change-failed\n    when: {deployment: [rolled-back]");
        assertThat(problem.message()).isEqualTo("rule id `change-failed` is used twice (first at line "
                + MappingFiles.lineOf(content, "change-failed\n    when: {close-code") + ")");
    }

    @Test
    void aRuleMatchingWhatAnEarlierOneMatchesIsNeverChosen() {
        String content = edited("when: {deployment: [rolled-back], environment: [production]}",
                "when: {deployment: [failed, aborted], environment: [production]}");
        MappingProblem problem = onlyProblemAt(content, "id: production-rollback");
        assertThat(problem.message()).isEqualTo("rule `production-rollback` matches exactly what rule"
                + " `failed-production-deployment` matches, so it is never chosen (a release takes the first rule that"
                + " matches)");
    }

    @Test
    void emptyWhenWouldMatchEverything() {
        String content = edited("when: {change-type: [emergency]}", "when: {}");
        MappingProblem problem = onlyProblemAt(content, "{}");
        assertThat(problem.message()).isEqualTo("`when` says nothing, so it would match every release");
    }

    @Test
    void anApplicationInTwoProgramsIsRefused() {
        String content = edited("    threshold: {failures: 3", "  shop:\n    applications: [checkout]\n  payments2:\n"
                + "    applications: [ledger-ui]\n    threshold: {failures: 3").replace(
                "  shop:\n    applications: [checkout]\n  payments2:\n    applications: [ledger-ui]\n",
                "").replace("programs:\n  payments:\n    applications: [payment-gateway, checkout, ledger]\n",
                "programs:\n  payments:\n    applications: [payment-gateway, checkout, ledger]\n  shop:\n"
                        + "    applications: [checkout]\n");
        MappingProblem problem = onlyProblemAt(content, "checkout]\n    threshold");
        assertThat(problem.message()).isEqualTo("application `checkout` is already in program `payments`; an"
                + " application belongs to one program");
        assertThat(problem.path()).isEqualTo("programs.shop.applications[0]");
    }

    @Test
    void aThresholdOfOneFailureIsRefused() {
        String content = edited("failures: 3", "failures: 1");
        MappingProblem problem = onlyProblemAt(content, "1, within");
        assertThat(problem.fix()).isEqualTo("use 2 to 100 (3 is a good start)");
    }

    @Test
    void unreadableWindowListsTheAcceptedForms() {
        String content = edited("within: 30 days", "within: a month");
        MappingProblem problem = onlyProblemAt(content, "a month");
        assertThat(problem.message()).isEqualTo("`a month` is not a length of time");
    }

    @Test
    void badJiraProjectKeyIsRefused() {
        String content = edited("project: PAY", "project: pay");
        MappingProblem problem = onlyProblemAt(content, "pay,");
        assertThat(problem.message()).isEqualTo("`pay` is not a Jira project key");
        assertThat(problem.path()).isEqualTo("records.jira.project");
    }

    @Test
    void missingRecordsIsReportedAtTheTop() {
        String content = edited("records:\n  jira: {project: PAY, issue-type: Task, label: retrospective}\n"
                + "  servicenow: {table: problem, change-field: rfc}\n", "");
        List<MappingProblem> problems = MappingFiles.problemsOf(RetrospectiveFiles.write(dir, content));
        assertThat(problems).extracting(MappingProblem::message).containsExactly("missing `records`");
        assertThat(problems.get(0).fix()).isEqualTo("add `records:` at the top level");
    }

    @Test
    void aSectionListedTwiceInATierIsRefused() {
        String content = edited("optional: [what-went-well, metrics]", "optional: [what-went-well, summary]");
        MappingProblem problem = onlyProblemAt(content, "summary]\n");
        assertThat(problem.message()).isEqualTo("section `summary` is listed twice in this tier (first at line "
                + MappingFiles.lineOf(content, "mandatory: [summary, timeline, what-went-wrong") + ")");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String content = edited("project: PAY", "project: pay").replace("due: 2 business days", "x")
                .replace("within: 30 days", "within: a month").replace("change-type: [emergency]",
                        "change-type: [urgent]");
        assertThat(MappingFiles.problemsOf(RetrospectiveFiles.write(dir, content))).hasSize(3);
    }
}
