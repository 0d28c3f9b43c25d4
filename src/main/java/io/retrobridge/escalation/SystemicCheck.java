package io.retrobridge.escalation;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.mapping.escalation.SystemicRule;
import io.retrobridge.mapping.escalation.Threshold;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Whether an open, overdue item is a systemic problem: its failure mode recurred on enough retrospectives, or a
 * board has had it open too long. Answers the one-line reason, or empty.
 */
final class SystemicCheck {

    private final SystemicRule rule;
    private final WorkCalendar calendar;

    SystemicCheck(SystemicRule rule, WorkCalendar calendar) {
        this.rule = rule;
        this.calendar = calendar;
    }

    /** @param resolutions what this plan resolves: a ticket being resolved no longer keeps the item at a board */
    Optional<String> why(ActionItem item, List<EscalationRecord> history, List<Resolution> resolutions,
                         RecurrenceFacts recurrence, LocalDate today) {
        int recurrences = recurrence.recurrences(item.failureMode());
        if (item.failureMode() != null && recurrences >= rule.recurrences()) {
            return Optional.of("its failure mode " + item.failureMode() + " recurred on " + recurrences
                    + " retrospectives within " + DayWords.period(rule.window()) + " (" + rule.recurrences()
                    + " make it systemic)");
        }
        Set<UUID> resolved = new HashSet<>();
        resolutions.forEach(resolution -> resolved.add(resolution.record().id()));
        Threshold openAtBoard = rule.openAtBoard();
        for (EscalationRecord record : history) {
            if (record.state() != EscalationState.RAISED || record.boardId() == null || record.raisedAt() == null
                    || resolved.contains(record.id())) {
                continue;
            }
            LocalDate since = record.raisedAt().atZone(calendar.zone()).toLocalDate();
            if (Thresholds.reached(calendar, since, today, openAtBoard)) {
                long open = calendar.daysOverdue(since, today, openAtBoard.count());
                return Optional.of("it has been open at " + record.boardId() + " since " + since + ", "
                        + DayWords.amount(open, openAtBoard.count()) + " (" + DayWords.amount(openAtBoard.days(),
                        openAtBoard.count()) + " make it systemic)");
            }
        }
        return Optional.empty();
    }
}
