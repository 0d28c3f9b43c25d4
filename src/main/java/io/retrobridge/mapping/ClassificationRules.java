package io.retrobridge.mapping;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ordered rules: the first whose conditions hold decides; none matching gives the default. */
public record ClassificationRules(List<ClassificationRule> rules, Scope defaultScope, ActionKind defaultKind,
                                  String defaultReleasePhase, WriteBack writeBack) {

    public static final String DEFAULT_RULE_ID = "default";

    public ClassificationRules {
        rules = List.copyOf(rules);
    }

    public ClassificationDecision classify(ActionItem item, ExternalSystem source) {
        List<String> notes = new ArrayList<>();
        for (ClassificationRule rule : rules) {
            Optional<List<String>> why = rule.when().evaluate(item, source, notes, rule.id());
            if (why.isPresent()) {
                Classification classification = new Classification(
                        rule.scope() == null ? defaultScope : rule.scope(),
                        rule.kind() == null ? defaultKind : rule.kind(),
                        rule.releasePhase() == null ? defaultReleasePhase : rule.releasePhase(), rule.id());
                return new ClassificationDecision(classification, "rule `" + rule.id() + "` matched: "
                        + String.join(", ", why.get()), notes);
            }
        }
        return new ClassificationDecision(
                new Classification(defaultScope, defaultKind, defaultReleasePhase, DEFAULT_RULE_ID),
                "no rule matched; used classification.default", notes);
    }
}
