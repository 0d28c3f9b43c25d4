package io.retrobridge.mapping;

import io.retrobridge.domain.ActionKind;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a classified action item lands in Jira's plan ({@code classification.release-plan}): its fix version, its
 * sprint, or both. Only an issue without one is planned; what a person planned is never moved.
 *
 * @param rules       in order; the first whose conditions hold for an item's classification decides
 * @param sprintField the id of Jira's Sprint custom field
 */
public record ReleasePlan(List<Rule> rules, String sprintField) {

    /** The Sprint field Jira Cloud creates on every site with Jira Software. */
    public static final String DEFAULT_SPRINT_FIELD = "customfield_10020";
    /** {@code fix-version: next-unreleased}: the project's earliest unreleased version. */
    public static final String NEXT_UNRELEASED = "next-unreleased";
    /** A mapping without {@code release-plan}: nothing is ever planned. */
    public static final ReleasePlan NONE = new ReleasePlan(List.of(), DEFAULT_SPRINT_FIELD);

    /** Which of a board's sprints an item goes into. */
    public enum SprintChoice {
        /** The sprint under way. */
        ACTIVE,
        /** The first sprint not started yet. */
        NEXT
    }

    /**
     * One planning rule: when the classification matches, the item gets the fix version and/or the sprint.
     *
     * @param scopes       empty for any
     * @param kinds        empty for any
     * @param phases       release phases; empty for any
     * @param ruleIds      classification rule ids ({@code default} for the default); empty for any
     * @param fixVersion   {@link #NEXT_UNRELEASED}, a version's name, or null for none
     * @param sprint       null for none
     * @param boardId      the board whose sprints are meant; set whenever {@code sprint} is
     */
    public record Rule(Set<Scope> scopes, Set<ActionKind> kinds, Set<String> phases, Set<String> ruleIds,
                       String fixVersion, SprintChoice sprint, Long boardId) {

        public Rule {
            scopes = Set.copyOf(scopes);
            kinds = Set.copyOf(kinds);
            phases = Set.copyOf(phases);
            ruleIds = Set.copyOf(ruleIds);
        }

        public boolean matches(Classification classification) {
            return (scopes.isEmpty() || scopes.contains(classification.scope()))
                    && (kinds.isEmpty() || kinds.contains(classification.kind()))
                    && (phases.isEmpty() || phases.contains(classification.releasePhase()))
                    && (ruleIds.isEmpty() || ruleIds.contains(classification.ruleId()));
        }

        public boolean nextUnreleased() {
            return NEXT_UNRELEASED.equals(fixVersion);
        }

        /** The conditions in words, for the journal: e.g. {@code scope immediate-fix}. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!scopes.isEmpty()) {
                parts.add("scope " + String.join("/", scopes.stream().map(YamlName::of).sorted().toList()));
            }
            if (!kinds.isEmpty()) {
                parts.add("kind " + String.join("/", kinds.stream().map(YamlName::of).sorted().toList()));
            }
            if (!phases.isEmpty()) {
                parts.add("release-phase " + String.join("/", phases.stream().sorted().toList()));
            }
            if (!ruleIds.isEmpty()) {
                parts.add("rule " + String.join("/", ruleIds.stream().sorted().toList()));
            }
            return String.join(", ", parts);
        }
    }

    public ReleasePlan {
        rules = List.copyOf(rules);
        sprintField = sprintField == null ? DEFAULT_SPRINT_FIELD : sprintField;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The rule that plans an item classified so; empty when none does. */
    public Optional<Rule> ruleFor(Classification classification) {
        return rules.stream().filter(rule -> rule.matches(classification)).findFirst();
    }
}
