package io.retrobridge.escalation.scan;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.JournalAction;
import io.retrobridge.escalation.BoardHold;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.Markers;
import io.retrobridge.flow.writes.WriteAnnouncements;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.sync.WriteIntent.Operation;
import io.retrobridge.sync.WriteIntent;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The label / field on an item: the board holding it now, by the planner's rule ({@link BoardHold}) applied to
 * what was actually written (a step that failed or was parked holds nothing), or nothing. Each write is announced
 * before it is sent; one a crash left unsettled is settled by the next scan of the item, which reads the label and
 * field afresh: found as wanted, it had landed; otherwise it is written now.
 */
final class ItemMarkers {

    private final ItemWrites writes;
    private final EscalationFailures failures;
    private final WriteAnnouncements announcements;

    ItemMarkers(ItemWrites writes, EscalationFailures failures, WriteAnnouncements announcements) {
        this.writes = writes;
        this.failures = failures;
        this.announcements = announcements;
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
        String why = board.map(id -> " (" + policy.board(id).name() + " holds it)").orElse(" (no board holds it)");
        Marker label = new Marker(item, ExternalSystem.JIRA, "escalation-label:" + item.key(), rules,
                board.map(markers::jiraLabel).map(l -> "Labelled " + item.displayKey() + " " + l)
                        .orElse("Removed the escalation label from " + item.displayKey()));
        if (markers.jiraShows(item.jiraLabels(), board)) {
            label.landed();
        } else {
            label.write(board.map(markers::jiraLabel).map(l -> "about to label " + item.displayKey() + " " + l)
                    .orElse("about to remove the escalation label from " + item.displayKey()) + why, tally,
                    () -> writes.relabelJira(item, markers.jiraLabelsWanted(item.jiraLabels(), board), mapping));
        }
        Marker escalationField = new Marker(item, ExternalSystem.SERVICENOW, "escalation-field:" + item.key(), rules,
                field.isEmpty() ? "Cleared the escalation field of " + item.displayKey()
                        : "Set the escalation field of " + item.displayKey() + " to " + field);
        if (markers.serviceNowShows(item.serviceNowMarker(), holding)) {
            escalationField.landed();
        } else {
            escalationField.write((field.isEmpty() ? "about to clear the escalation field of " + item.displayKey()
                    : "about to set the escalation field of " + item.displayKey() + " to " + field) + why, tally,
                    () -> writes.setServiceNowField(item, markers.serviceNowField(), field, mapping));
        }
    }

    /** One marker of one item: its writes are announced under {@code intentMarker} and settled by its entry. */
    private final class Marker {
        private final ScannedItem item;
        private final ExternalSystem side;
        private final String intentMarker;
        private final List<String> rules;
        private final String wrote;

        Marker(ScannedItem item, ExternalSystem side, String intentMarker, List<String> rules, String wrote) {
            this.item = item;
            this.side = side;
            this.intentMarker = intentMarker;
            this.rules = rules;
            this.wrote = wrote;
        }

        void write(String intent, ScanTally tally, Supplier<Optional<ExternalRef>> write) {
            String id = item.subject().ids().get(side);
            if (id == null) {
                return; // the item has no record on that side: nothing to write, nothing to announce
            }
            boolean interrupted = !announcements.openFor(intentMarker).isEmpty();
            announcements.announce(item.link().id(), new ExternalRef(side, id), Operation.UPDATE, side, id,
                    intentMarker, intent, rules, null);
            guarded(item, tally, write).ifPresent(ref -> announcements.settle(announcements.openFor(intentMarker),
                    item.link().id(), ref, JournalAction.WROTE, wrote, rules,
                    interrupted ? "an interrupted write of it did not land; written now" : null));
        }

        /** Found as wanted: a write a crash left unsettled had landed (the usual case: there is none). */
        void landed() {
            List<WriteIntent> interrupted = announcements.openFor(intentMarker);
            if (!interrupted.isEmpty()) {
                announcements.settle(interrupted, item.link().id(), interrupted.get(0).subject(), JournalAction.WROTE,
                        wrote + " (an interrupted write that had landed; nothing written again)", rules, null);
            }
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
