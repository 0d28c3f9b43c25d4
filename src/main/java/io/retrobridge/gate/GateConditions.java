package io.retrobridge.gate;

import io.retrobridge.mapping.gate.GateCondition;
import io.retrobridge.mapping.gate.GateCondition.EscalatedOverdue;
import io.retrobridge.mapping.gate.GateCondition.FailureModeRecurred;
import io.retrobridge.mapping.gate.GateCondition.OpenCorrectiveActions;
import io.retrobridge.mapping.gate.GateCondition.RetrospectiveWithoutActions;
import io.retrobridge.mapping.gate.GateRule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a rule's condition holds on an application's facts, and on what. The exact definitions:
 * <ul>
 *   <li>{@code open-corrective-actions}: the open follow-ups of the last {@code last-retrospectives} retrospectives
 *       whose scope is one of {@code scope}; an unclassified follow-up (no scope) does not count.</li>
 *   <li>{@code escalated-overdue}: the open follow-ups of every retrospective in the facts that were escalated to a
 *       board and are still overdue (the escalation's judgement, with its working days and holds).</li>
 *   <li>{@code retrospective-without-actions}: each of the last {@code last-retrospectives} retrospectives with no
 *       follow-up at all, opened longer than {@code older-than} ago (at exactly {@code older-than} it does not hold
 *       yet).</li>
 *   <li>{@code failure-mode-recurred}: a failure mode tagged on follow-ups of at least two of the last
 *       {@code last-retrospectives} retrospectives, while a follow-up of those retrospectives tagged with it is
 *       still open; the open ones are what it waits for, so finishing them lifts it. Tags compare exactly.</li>
 * </ul>
 */
final class GateConditions {

    private GateConditions() {
    }

    static Optional<GateFinding> check(GateRule rule, GateFacts.Gathered facts, Instant now) {
        GateCondition when = rule.when();
        if (when instanceof OpenCorrectiveActions open) {
            return openCorrectiveActions(rule, open, facts);
        }
        if (when instanceof EscalatedOverdue) {
            return escalatedOverdue(rule, facts);
        }
        if (when instanceof RetrospectiveWithoutActions without) {
            return withoutActions(rule, without, facts, now);
        }
        return recurred(rule, (FailureModeRecurred) when, facts);
    }

    private static Optional<GateFinding> openCorrectiveActions(GateRule rule, OpenCorrectiveActions when,
                                                               GateFacts.Gathered facts) {
        List<FollowUp> found = new ArrayList<>();
        List<RetrospectiveFacts> from = new ArrayList<>();
        for (RetrospectiveFacts retrospective : facts.last(when.lastRetrospectives())) {
            List<FollowUp> open = retrospective.followUps().stream()
                    .filter(item -> item.open() && item.scope() != null && when.counts(item.scope())).toList();
            if (!open.isEmpty()) {
                found.addAll(open);
                from.add(retrospective);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GateFinding(rule, GateText.openCount(found.size(), when.scopes()) + " from "
                + GateText.retrospectives(from) + ": " + items(found), found.stream()
                .map(item -> GateItem.of(rule.id(), item)).toList()));
    }

    private static Optional<GateFinding> escalatedOverdue(GateRule rule, GateFacts.Gathered facts) {
        List<FollowUp> found = facts.retrospectives().stream().flatMap(r -> r.followUps().stream())
                .filter(FollowUp::escalatedAndOverdue).toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GateFinding(rule, GateText.count(found.size(), "escalated item") + " still overdue: "
                + items(found), found.stream().map(item -> GateItem.of(rule.id(), item)).toList()));
    }

    private static Optional<GateFinding> withoutActions(GateRule rule, RetrospectiveWithoutActions when,
                                                        GateFacts.Gathered facts, Instant now) {
        List<RetrospectiveFacts> found = facts.last(when.lastRetrospectives()).stream()
                .filter(r -> r.followUps().isEmpty() && now.isAfter(r.openedAt().plus(when.olderThan()))).toList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String since = GateText.and(found.stream()
                .map(r -> "the retrospective of " + GateText.flat(r.name()) + " (open since "
                        + r.openedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ")").toList());
        String none = found.size() == 1 ? ", which has none yet" : ", which have none yet";
        return Optional.of(new GateFinding(rule, "action items on " + since + none,
                found.stream().map(r -> GateItem.of(rule.id(), r)).toList()));
    }

    private static Optional<GateFinding> recurred(GateRule rule, FailureModeRecurred when, GateFacts.Gathered facts) {
        Map<String, Set<RetrospectiveFacts>> named = new LinkedHashMap<>();
        for (RetrospectiveFacts retrospective : facts.last(when.lastRetrospectives())) {
            for (FollowUp item : retrospective.followUps()) {
                if (item.failureMode() != null) {
                    named.computeIfAbsent(item.failureMode(), mode -> new LinkedHashSet<>()).add(retrospective);
                }
            }
        }
        List<String> phrases = new ArrayList<>();
        List<GateItem> items = new ArrayList<>();
        for (Map.Entry<String, Set<RetrospectiveFacts>> mode : named.entrySet()) {
            List<FollowUp> open = mode.getValue().stream().flatMap(r -> r.followUps().stream())
                    .filter(item -> item.open() && mode.getKey().equals(item.failureMode())).toList();
            if (mode.getValue().size() < 2 || open.isEmpty()) {
                continue;
            }
            phrases.add("failure mode " + GateText.flat(mode.getKey()) + ", which recurred in "
                    + GateText.retrospectives(List.copyOf(mode.getValue())) + ", to be fixed: " + items(open));
            open.forEach(item -> items.add(GateItem.of(rule.id(), item)));
        }
        if (phrases.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GateFinding(rule, String.join("; and ", phrases), items));
    }

    /** A reason names this many items at most; the answer's list holds them all. */
    static final int NAMED_IN_REASON = 10;

    private static String items(List<FollowUp> items) {
        String named = String.join(", ", items.stream().limit(NAMED_IN_REASON).map(GateText::item).toList());
        return items.size() > NAMED_IN_REASON ? named + " and " + (items.size() - NAMED_IN_REASON) + " more" : named;
    }
}
