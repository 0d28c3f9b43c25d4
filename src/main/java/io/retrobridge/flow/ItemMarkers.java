package io.retrobridge.flow;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.escalation.BoardHold;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.Markers;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The label / field on an item: the board holding it now, by the planner's rule ({@link BoardHold}) applied to
 * what was actually written (a step that failed or was parked holds nothing), or nothing.
 */
final class ItemMarkers {

    private final ItemWrites writes;
    private final EscalationFailures failures;

    ItemMarkers(ItemWrites writes, EscalationFailures failures) {
        this.writes = writes;
        this.failures = failures;
    }

    void mark(ScannedItem item, List<EscalationRecord> records, EscalationPolicy policy, ActionItemMapping mapping,
            ScanTally tally) {
        List<EscalationRecord> known = records.stream()
                .filter(r -> r.boardId() == null || policy.boards().containsKey(r.boardId())).toList();
        Optional<BoardHold> holding = BoardHold.of(known);
        Markers markers = new Markers(policy);
        Optional<String> board = holding.map(BoardHold::boardId);
        String field = markers.serviceNowValueWanted(holding);
        List<String> rules = holding.flatMap(h -> known.stream()
                .filter(r -> h.boardId().equals(r.boardId()) && h.stepId().equals(r.stepId())).findFirst())
                .map(r -> List.of(r.ladderId(), r.stepId())).orElse(List.of());
        if (!markers.jiraShows(item.jiraLabels(), board)) {
            guarded(item, tally, () -> writes.relabelJira(item, markers.jiraLabelsWanted(item.jiraLabels(), board)))
                    .ifPresent(ref -> failures.note(item, ref, JournalAction.WROTE, board.map(markers::jiraLabel)
                            .map(label -> "Labelled " + item.displayKey() + " " + label)
                            .orElse("Removed the escalation label from " + item.displayKey()), rules));
        }
        if (!markers.serviceNowShows(item.serviceNowMarker(), holding)) {
            guarded(item, tally, () -> writes.setServiceNowField(item, markers.serviceNowField(), field, mapping))
                    .ifPresent(ref -> failures.note(item, ref, JournalAction.WROTE, field.isEmpty()
                            ? "Cleared the escalation field of " + item.displayKey()
                            : "Set the escalation field of " + item.displayKey() + " to " + field, rules));
        }
    }

    /** A marker write that failed is written again by the next scan; the item's other work stands. */
    private Optional<ExternalRef> guarded(ScannedItem item, ScanTally tally, Supplier<Optional<ExternalRef>> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            failures.retrying(item, "marking " + item.displayKey() + " failed; the next scan tries again: "
                    + EscalationFailures.describe(e), List.of(), tally);
            return Optional.empty();
        }
    }
}
