package io.retrobridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Priority;
import io.retrobridge.domain.Scope;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of condition, the rule order and the default, with the reason given for each decision. */
class ClassificationRulesTest {

    private static final String RULES = """
            classification:
              rules:
                - id: any-label
                  when: {labels: {any: [hotfix, sev1]}}
                  then: {scope: immediate-fix, kind: corrective, release-phase: post-release}
                - id: all-labels
                  when: {labels: {all: [gateway, vendor]}}
                  then: {scope: tooling-upgrade}
                - id: checkout-component
                  when: {components: {any: [Checkout]}}
                  then: {scope: process-improvement, kind: preventive, release-phase: cutover}
                - id: mentions-runbook
                  when: {text: {contains: [runbook, playbook]}}
                  then: {release-phase: cutover}
                - id: canary-pattern
                  when: {text: {matches: '(?i)\\bcanar(y|ies)\\b'}}
                  then: {scope: tooling-upgrade, kind: preventive, release-phase: pre-deployment-testing}
                - id: drift
                  when: {failure-mode: [config-drift]}
                  then: {scope: tooling-upgrade, kind: preventive}
                - id: from-servicenow-training
                  when: {source: servicenow, text: {contains: [training]}}
                  then: {scope: training, kind: preventive}
              default: {scope: process-improvement, kind: corrective, release-phase: post-release}
              write-back:
                jira: {labels: {scope: "scope:", kind: "kind:", release-phase: "phase:"}}
                servicenow: {fields: {scope: u_retro_scope, rule: u_retro_rule}}
            """;

    @TempDir
    Path dir;

    private ActionItemMapping mapping;

    @BeforeEach
    void load() {
        String shipped = MappingFiles.shipped();
        String content = shipped.substring(0, shipped.indexOf("classification:\n  rules:")) + RULES;
        mapping = MappingFiles.load(content, dir).actionItems();
    }

    private static ActionItem item(String title, Set<String> labels, Set<String> components, String failureMode) {
        return new ActionItem(title, "", ActionStatus.OPEN, Priority.MEDIUM, null, null, labels, components, failureMode, null);
    }

    @Test
    void anyLabelMatchesOneOfThem() {
        ClassificationDecision decision = mapping.explain(item("Fix it", Set.of("SEV1"), Set.of(), null), ExternalSystem.JIRA);
        assertThat(decision.classification()).isEqualTo(
                new Classification(Scope.IMMEDIATE_FIX, ActionKind.CORRECTIVE, "post-release", "any-label"));
        assertThat(decision.reason()).isEqualTo("rule `any-label` matched: label `sev1`");
    }

    @Test
    void allLabelsNeedsEveryOneAndTakesTheRestFromTheDefault() {
        assertThat(mapping.classify(item("x", Set.of("gateway"), Set.of(), null), ExternalSystem.JIRA).ruleId())
                .isEqualTo("default");
        Classification both = mapping.classify(item("x", Set.of("gateway", "vendor"), Set.of(), null), ExternalSystem.JIRA);
        assertThat(both).isEqualTo(new Classification(Scope.TOOLING_UPGRADE, ActionKind.CORRECTIVE, "post-release", "all-labels"));
    }

    @Test
    void componentMatchesIgnoringCase() {
        ClassificationDecision decision = mapping.explain(item("x", Set.of(), Set.of("checkout"), null), ExternalSystem.JIRA);
        assertThat(decision.classification().ruleId()).isEqualTo("checkout-component");
        assertThat(decision.reason()).isEqualTo("rule `checkout-component` matched: component `checkout`");
    }

    @Test
    void textContainsLooksAtTitleAndDescription() {
        ActionItem inDescription = new ActionItem("Prepare", "Write the gateway PLAYBOOK", ActionStatus.OPEN, Priority.LOW,
                null, null, Set.of(), Set.of(), null, null);
        ClassificationDecision decision = mapping.explain(inDescription, ExternalSystem.JIRA);
        assertThat(decision.classification()).isEqualTo(
                new Classification(Scope.PROCESS_IMPROVEMENT, ActionKind.CORRECTIVE, "cutover", "mentions-runbook"));
        assertThat(decision.reason()).isEqualTo("rule `mentions-runbook` matched: text contains \"playbook\"");
    }

    @Test
    void textMatchesUsesTheRegex() {
        assertThat(mapping.explain(item("Add canaries to deploys", Set.of(), Set.of(), null), ExternalSystem.JIRA).reason())
                .isEqualTo("rule `canary-pattern` matched: text matches `(?i)\\bcanar(y|ies)\\b`");
        assertThat(mapping.classify(item("Canarywharf office move", Set.of(), Set.of(), null), ExternalSystem.JIRA).ruleId())
                .isEqualTo("default");
    }

    @Test
    void failureModeTag() {
        assertThat(mapping.explain(item("x", Set.of(), Set.of(), "Config-Drift"), ExternalSystem.JIRA).reason())
                .isEqualTo("rule `drift` matched: failure mode `config-drift`");
    }

    @Test
    void sourceSystemRestrictsARule() {
        ActionItem training = item("Run a training on rollbacks", Set.of(), Set.of(), null);
        assertThat(mapping.classify(training, ExternalSystem.JIRA).ruleId()).isEqualTo("default");
        ClassificationDecision fromServiceNow = mapping.explain(training, ExternalSystem.SERVICENOW);
        assertThat(fromServiceNow.classification().scope()).isEqualTo(Scope.TRAINING);
        assertThat(fromServiceNow.reason()).isEqualTo(
                "rule `from-servicenow-training` matched: text contains \"training\", source servicenow");
    }

    @Test
    void firstMatchingRuleWins() {
        ActionItem both = item("Canary for the hotfix path", Set.of("hotfix"), Set.of(), null);
        assertThat(mapping.classify(both, ExternalSystem.JIRA).ruleId()).isEqualTo("any-label");
    }

    @Test
    void nothingMatchingGivesTheDefault() {
        ClassificationDecision decision = mapping.explain(item("Tidy up", Set.of(), Set.of(), null), ExternalSystem.JIRA);
        assertThat(decision.classification()).isEqualTo(
                new Classification(Scope.PROCESS_IMPROVEMENT, ActionKind.CORRECTIVE, "post-release", "default"));
        assertThat(decision.reason()).isEqualTo("no rule matched; used classification.default");
    }

    @Test
    void classificationIsWrittenBackOnBothSides() {
        ActionItem canary = item("Add a canary stage", Set.of("payments"), Set.of(), null);
        ExternalWrite jira = mapping.toExternal(ExternalSystem.JIRA, canary);
        assertThat(RecordJson.json(jira.fields()).get("labels").toString()).isEqualTo(
                "[\"kind:preventive\",\"payments\",\"phase:pre-deployment-testing\",\"retro-action\",\"scope:tooling-upgrade\"]");
        assertThat(jira.ruleIds()).containsExactly("canary-pattern");
        ExternalWrite servicenow = mapping.toExternal(ExternalSystem.SERVICENOW, canary);
        assertThat(servicenow.fields().text("u_retro_scope")).isEqualTo("tooling-upgrade");
        assertThat(servicenow.fields().text("u_retro_rule")).isEqualTo("canary-pattern");
    }
}
