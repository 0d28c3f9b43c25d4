package io.retrobridge.mapping;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ExternalSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code when} of a classification rule. Every condition given must hold; conditions not given
 * are not checked. Label, component and failure-mode comparisons ignore case.
 *
 * @param textContains any of these phrases in title or description
 * @param textMatches  null when not given
 * @param source       null when the rule applies whatever side the item came from
 */
public record RuleCondition(Set<String> labelsAny, Set<String> labelsAll, Set<String> componentsAny,
                            List<String> textContains, SafePattern textMatches, Set<String> failureModes,
                            ExternalSystem source) {

    public RuleCondition {
        labelsAny = lower(labelsAny);
        labelsAll = lower(labelsAll);
        componentsAny = lower(componentsAny);
        textContains = textContains.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        failureModes = lower(failureModes);
    }

    boolean isEmpty() {
        return labelsAny.isEmpty() && labelsAll.isEmpty() && componentsAny.isEmpty() && textContains.isEmpty()
                && textMatches == null && failureModes.isEmpty() && source == null;
    }

    /** Why the item matches (one phrase per condition), or empty when it does not. */
    Optional<List<String>> evaluate(ActionItem item, ExternalSystem itemSource, List<String> notes, String ruleId) {
        List<String> why = new ArrayList<>();
        Set<String> labels = lower(item.labels());
        if (!labelsAny.isEmpty()) {
            Optional<String> hit = labelsAny.stream().filter(labels::contains).findFirst();
            if (hit.isEmpty()) {
                return Optional.empty();
            }
            why.add("label `" + hit.get() + "`");
        }
        if (!labelsAll.isEmpty()) {
            if (!labels.containsAll(labelsAll)) {
                return Optional.empty();
            }
            why.add("labels " + labelsAll.stream().sorted().map(l -> "`" + l + "`").toList());
        }
        if (!componentsAny.isEmpty()) {
            Set<String> components = lower(item.components());
            Optional<String> hit = componentsAny.stream().filter(components::contains).findFirst();
            if (hit.isEmpty()) {
                return Optional.empty();
            }
            why.add("component `" + hit.get() + "`");
        }
        String text = item.title() + "\n" + item.description();
        if (!textContains.isEmpty()) {
            String lowerText = text.toLowerCase(Locale.ROOT);
            Optional<String> hit = textContains.stream().filter(lowerText::contains).findFirst();
            if (hit.isEmpty()) {
                return Optional.empty();
            }
            why.add("text contains \"" + hit.get() + "\"");
        }
        if (textMatches != null) {
            Optional<Boolean> found = textMatches.find(text);
            if (found.isEmpty()) {
                notes.add("rule `" + ruleId + "`: pattern `" + textMatches.source()
                        + "` took too long on this item and was treated as not matching; simplify it");
                return Optional.empty();
            }
            if (!found.get()) {
                return Optional.empty();
            }
            why.add("text matches `" + textMatches.source() + "`");
        }
        if (!failureModes.isEmpty()) {
            String mode = item.failureMode() == null ? null : item.failureMode().toLowerCase(Locale.ROOT);
            if (mode == null || !failureModes.contains(mode)) {
                return Optional.empty();
            }
            why.add("failure mode `" + mode + "`");
        }
        if (source != null) {
            if (source != itemSource) {
                return Optional.empty();
            }
            why.add("source " + YamlName.of(source));
        }
        return Optional.of(why);
    }

    private static Set<String> lower(Set<String> values) {
        return values.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
