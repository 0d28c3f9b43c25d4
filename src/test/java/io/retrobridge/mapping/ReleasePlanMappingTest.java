package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.Scope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classification.release-plan}: which classified items are planned where, and every mistake located. */
class ReleasePlanMappingTest {

    /** The shipped release plan, as the shipped file has it. */
    private static final String SHIPPED_PLAN = """
              release-plan:
                rules:
                  - when: {scope: immediate-fix}
                    fix-version: next-unreleased
            """;

    @TempDir
    Path dir;

    private static String withPlan(String plan) {
        return MappingFiles.shippedWith(SHIPPED_PLAN, plan);
    }

    private MappingProblem onlyProblemAt(String content, String marker) {
        List<MappingProblem> problems = MappingFiles.problemsOf(MappingFiles.write(dir, content));
        assertThat(problems).as(problems.toString()).hasSize(1);
        MappingProblem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo("action-items.yaml");
        assertThat(problem.line()).as("line of " + marker).isEqualTo(MappingFiles.lineOf(content, marker));
        assertThat(problem.column()).as("column of " + marker).isEqualTo(MappingFiles.columnOf(content, marker));
        assertThat(problem.fix()).isNotBlank();
        return problem;
    }

    private static Classification classified(Scope scope, ActionKind kind, String phase, String rule) {
        return new Classification(scope, kind, phase, rule);
    }

    @Test
    void theShippedMappingPlansImmediateFixesIntoTheNextUnreleasedVersionAndNothingElse() {
        ReleasePlan plan = MappingFiles.load(MappingFiles.SHIPPED_DIR).actionItems().releasePlan();

        ReleasePlan.Rule hotfix = plan.ruleFor(classified(Scope.IMMEDIATE_FIX, ActionKind.CORRECTIVE, "post-release",
                "hotfix-labelled")).orElseThrow();
        assertThat(hotfix.nextUnreleased()).isTrue();
        assertThat(hotfix.sprint()).isNull();
        assertThat(plan.ruleFor(classified(Scope.TOOLING_UPGRADE, ActionKind.PREVENTIVE, "cutover", "pipeline-tooling")))
                .isEmpty();
        assertThat(plan.sprintField()).isEqualTo("customfield_10020");
    }

    @Test
    void aMappingWithoutAReleasePlanPlansNothing() {
        ReleasePlan plan = MappingFiles.load(withPlan(""), dir).actionItems().releasePlan();

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.ruleFor(classified(Scope.IMMEDIATE_FIX, ActionKind.CORRECTIVE, "post-release", "default")))
                .isEmpty();
    }

    @Test
    void rulesMatchOnEveryConditionGivenAndTheFirstMatchingOneDecides() {
        ReleasePlan plan = MappingFiles.load(withPlan("""
                  release-plan:
                    sprint-field: customfield_10101
                    board: 7
                    rules:
                      - when: {rule: [pipeline-tooling, config-drift], kind: preventive}
                        sprint: next
                      - when: {scope: [tooling-upgrade, training]}
                        sprint: active
                        board: 9
                        fix-version: "4.3.0"
                """), dir).actionItems().releasePlan();

        ReleasePlan.Rule pipeline = plan.ruleFor(classified(Scope.TOOLING_UPGRADE, ActionKind.PREVENTIVE,
                "pre-deployment-testing", "pipeline-tooling")).orElseThrow();
        assertThat(pipeline.sprint()).isEqualTo(ReleasePlan.SprintChoice.NEXT);
        assertThat(pipeline.boardId()).as("the release plan's board").isEqualTo(7L);
        assertThat(pipeline.fixVersion()).isNull();
        ReleasePlan.Rule training = plan.ruleFor(classified(Scope.TRAINING, ActionKind.PREVENTIVE, "post-release",
                "training-needs")).orElseThrow();
        assertThat(training.sprint()).isEqualTo(ReleasePlan.SprintChoice.ACTIVE);
        assertThat(training.boardId()).as("the rule's own board").isEqualTo(9L);
        assertThat(training.fixVersion()).isEqualTo("4.3.0");
        assertThat(training.nextUnreleased()).isFalse();
        assertThat(plan.ruleFor(classified(Scope.IMMEDIATE_FIX, ActionKind.CORRECTIVE, "post-release",
                "hotfix-labelled"))).isEmpty();
        assertThat(plan.sprintField()).isEqualTo("customfield_10101");
    }

    @Test
    void aSprintChoiceWithoutABoardIsLocatedWithTheFix() {
        String content = withPlan("""
                  release-plan:
                    rules:
                      - when: {scope: tooling-upgrade}
                        sprint: next
                """);
        MappingProblem problem = onlyProblemAt(content, "next\n      # - when");

        assertThat(problem.path()).isEqualTo("classification.release-plan.rules[0].sprint");
        assertThat(problem.message()).isEqualTo("a sprint choice needs the board whose sprints are meant");
        assertThat(problem.fix()).contains("board: <id>");
        assertThat(problem.format()).startsWith("action-items.yaml:" + MappingFiles.lineOf(content, "sprint: next")
                + ":17: ");
    }

    @Test
    void anUnknownKeyInARuleSuggestsTheNearestOne() {
        String content = withPlan("""
                  release-plan:
                    rules:
                      - when: {scope: immediate-fix}
                        fix-versoin: next-unreleased
                """);
        MappingProblem problem = onlyProblemAt(content, "fix-versoin");

        assertThat(problem.message()).isEqualTo("unknown key `fix-versoin`; did you mean `fix-version`?");
        assertThat(problem.path()).isEqualTo("classification.release-plan.rules[0].fix-versoin");
    }

    @Test
    void anUnknownKeyInTheReleasePlanIsLocated() {
        String content = withPlan("""
                  release-plan:
                    sprint-feild: customfield_10020
                    rules:
                      - when: {scope: immediate-fix}
                        fix-version: next-unreleased
                """);
        MappingProblem problem = onlyProblemAt(content, "sprint-feild");

        assertThat(problem.message()).isEqualTo("unknown key `sprint-feild`; did you mean `sprint-field`?");
    }

    @Test
    void aRuleIdNoClassificationRuleHasIsLocatedWithTheNearestId() {
        String content = withPlan("""
                  release-plan:
                    rules:
                      - when: {rule: hotfix-labeled}
                        fix-version: next-unreleased
                """);
        MappingProblem problem = onlyProblemAt(content, "hotfix-labeled");

        assertThat(problem.message()).isEqualTo("no classification rule has the id `hotfix-labeled`; did you mean "
                + "`hotfix-labelled`?");
        assertThat(problem.path()).isEqualTo("classification.release-plan.rules[0].when.rule[0]");
    }

    @Test
    void aSprintChoiceOtherThanActiveOrNextIsLocated() {
        String content = withPlan("""
                  release-plan:
                    board: 3
                    rules:
                      - when: {scope: training}
                        sprint: nxt
                """);
        MappingProblem problem = onlyProblemAt(content, "nxt");

        assertThat(problem.message()).contains("expected one of active, next").contains("did you mean `next`?");
    }

    @Test
    void aRuleThatPlansNothingOrMatchesEverythingIsRefused() {
        String nothing = withPlan("""
                  release-plan:
                    rules:
                      - when: {scope: immediate-fix}
                """);
        assertThat(onlyProblemAt(nothing, "when: {scope").message()).isEqualTo("the rule plans nothing");

        String everything = withPlan("""
                  release-plan:
                    rules:
                      - when: {}
                        fix-version: next-unreleased
                """);
        assertThat(onlyProblemAt(everything, "{}").message())
                .isEqualTo("the rule has no conditions, so it would plan every item");
    }

    @Test
    void aSprintFieldThatIsNoCustomFieldAndABoardThatIsNoNumberAreLocated() {
        String field = withPlan("""
                  release-plan:
                    sprint-field: Sprint
                    rules:
                      - when: {scope: immediate-fix}
                        fix-version: next-unreleased
                """);
        assertThat(onlyProblemAt(field, "Sprint\n").message()).isEqualTo("`Sprint` is not a Jira custom field id");

        String board = withPlan("""
                  release-plan:
                    rules:
                      - when: {scope: immediate-fix}
                        sprint: active
                        board: PAY board
                """);
        assertThat(onlyProblemAt(board, "PAY board").message()).isEqualTo("`PAY board` is not a board id");
    }
}
