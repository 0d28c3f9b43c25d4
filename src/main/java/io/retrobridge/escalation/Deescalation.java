package io.retrobridge.escalation;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.ActionStatus;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.Ladder;
import io.retrobridge.mapping.escalation.LadderStep;
import io.retrobridge.mapping.escalation.Threshold;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which open board tickets of an item lost their cause: the item was closed, or its due date moved so the step's
 * threshold is no longer reached. Only RAISED records at a board (tickets, systemic tickets, items listed on a cycle
 * ticket) are resolved; reminders and re-assignments were said and stay as they are. A systemic ticket is about a
 * recurring problem, not a date, so only closing the item resolves it.
 */
final class Deescalation {

    private final EscalationPolicy policy;
    private final WorkCalendar calendar;

    Deescalation(EscalationPolicy policy) {
        this.policy = policy;
        this.calendar = policy.calendar();
    }

    List<Resolution> resolutions(EscalationSubject subject, List<EscalationRecord> history, LocalDate today) {
        ActionItem item = subject.item();
        List<Resolution> resolutions = new ArrayList<>();
        for (EscalationRecord record : history) {
            if (record.state() != EscalationState.RAISED || record.boardId() == null) {
                continue;
            }
            if (item.status().isClosed()) {
                resolutions.add(new Resolution(record, closedNote(subject, today)));
            } else if (!EscalationPlanner.SYSTEMIC_LADDER.equals(record.ladderId())
                    && !Thresholds.reached(calendar, item.dueDate(), today, thresholdOf(record))) {
                resolutions.add(new Resolution(record, movedNote(subject)));
            }
        }
        return resolutions;
    }

    /** The step's threshold now; a step the file no longer has holds for as long as the item is past due. */
    private Threshold thresholdOf(EscalationRecord record) {
        return policy.ladders().stream()
                .filter(ladder -> ladder.id().equals(record.ladderId()))
                .findFirst()
                .flatMap(ladder -> step(ladder, record.stepId()))
                .map(LadderStep::after)
                .orElse(Thresholds.PAST_DUE);
    }

    private static Optional<LadderStep> step(Ladder ladder, String stepId) {
        return ladder.steps().stream().filter(step -> step.id().equals(stepId)).findFirst();
    }

    private String closedNote(EscalationSubject subject, LocalDate today) {
        LocalDate on = subject.completedAt() == null ? today
                : subject.completedAt().atZone(calendar.zone()).toLocalDate();
        String what = subject.item().status() == ActionStatus.CANCELLED ? "cancelled" : "completed";
        return subject.preferredKey() + " was " + what + " on " + on;
    }

    private static String movedNote(EscalationSubject subject) {
        LocalDate due = subject.item().dueDate();
        return due == null ? "due date of " + subject.preferredKey() + " was removed"
                : "due date of " + subject.preferredKey() + " moved to " + due;
    }
}
