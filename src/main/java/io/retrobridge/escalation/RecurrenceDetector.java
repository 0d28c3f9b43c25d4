package io.retrobridge.escalation;

import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.SystemicRule;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds failure modes that keep coming back: among the items due within the window before today (done or not),
 * counts per failure mode the distinct retrospectives they came from. An item whose retrospective is unknown
 * counts as a retrospective of its own, so two such items never merge into one.
 */
public final class RecurrenceDetector {

    private final Optional<Period> window;

    /** @param window how far before today an item's due date may lie to count (e.g. P90D) */
    public RecurrenceDetector(Period window) {
        this.window = Optional.of(checked(window));
    }

    /** Uses the policy's systemic window; finds nothing when the policy has no systemic rule. */
    public RecurrenceDetector(EscalationPolicy policy) {
        this.window = policy.systemic().map(SystemicRule::window).map(RecurrenceDetector::checked);
    }

    private static Period checked(Period window) {
        Objects.requireNonNull(window, "window is required but was null");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The systemic window must be longer than 0 days but was " + window);
        }
        return window;
    }

    /** @param subjects every item one scan looked at; today the scan's day in the calendar's zone */
    public RecurrenceFacts detect(Collection<EscalationSubject> subjects, LocalDate today) {
        Objects.requireNonNull(today, "today is required but was null");
        if (window.isEmpty()) {
            return RecurrenceFacts.none();
        }
        LocalDate from = today.minus(window.get());
        Map<String, Set<String>> retrospectives = new HashMap<>();
        for (EscalationSubject subject : subjects) {
            String failureMode = subject.item().failureMode();
            LocalDate due = subject.item().dueDate();
            if (failureMode == null || due == null || due.isBefore(from) || due.isAfter(today)) {
                continue;
            }
            retrospectives.computeIfAbsent(RecurrenceFacts.normalize(failureMode), mode -> new HashSet<>())
                    .add(retrospectiveOf(subject));
        }
        Map<String, Integer> counts = new HashMap<>();
        retrospectives.forEach((mode, retros) -> counts.put(mode, retros.size()));
        return new RecurrenceFacts(counts);
    }

    private static String retrospectiveOf(EscalationSubject subject) {
        String retrospective = subject.retrospective();
        // Prefixes keep a retrospective literally named like an item key apart from an item standing alone.
        return retrospective == null || retrospective.isBlank()
                ? "item:" + subject.itemKey() : "retro:" + retrospective.strip();
    }
}
