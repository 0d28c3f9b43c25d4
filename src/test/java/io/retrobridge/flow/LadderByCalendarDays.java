package io.retrobridge.flow;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.escalation.EscalationRecord;
import io.retrobridge.escalation.EscalationState;
import io.retrobridge.escalation.EscalationSubject;
import io.retrobridge.escalation.GroupTicket;
import io.retrobridge.escalation.ItemPlan;
import io.retrobridge.escalation.Resolution;
import io.retrobridge.escalation.StepDue;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.Ladder;
import io.retrobridge.mapping.escalation.LadderStep;
import io.retrobridge.mapping.escalation.StepAction;
import io.retrobridge.mapping.escalation.TicketText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A deliberately small planner for the scan's tests: the policy's first ladder, calendar days, a handful of
 * placeholders. It stands where the real planner plugs in, so these tests exercise the scan's reading, claiming,
 * writing and resolving, not the planner's rules (which have their own tests).
 */
final class LadderByCalendarDays implements EscalationPlans {

    @Override
    public ScanPlanning prepare(EscalationPolicy policy, List<EscalationSubject> population, LocalDate today) {
        return (subject, history) -> plan(policy, subject, history, today);
    }

    @Override
    public TicketText groupTicketText(EscalationPolicy policy, GroupTicket ticket, List<EscalationSubject> items) {
        return new TicketText(policy.board(ticket.boardId()).name() + " " + ticket.cycle() + ": " + items.size()
                + " overdue item(s)", items.stream().map(s -> s.preferredKey() + " " + s.item().title())
                .collect(Collectors.joining("\n")));
    }

    private static ItemPlan plan(EscalationPolicy policy, EscalationSubject subject, List<EscalationRecord> history,
            LocalDate today) {
        ActionItem item = subject.item();
        Ladder ladder = policy.ladders().get(0);
        if (item.dueDate() == null) {
            return new ItemPlan(subject.itemKey(), Optional.empty(), 0, List.of(), List.of(), Optional.empty());
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(item.dueDate(), today));
        Set<String> reached = history.stream().map(r -> r.ladderId() + "/" + r.stepId()).collect(Collectors.toSet());
        List<StepDue> due = new ArrayList<>();
        if (!item.status().isClosed()) {
            for (LadderStep step : ladder.steps()) {
                if (days >= step.after().days() && !reached.contains(ladder.id() + "/" + step.id())) {
                    String boardId = step.action() instanceof StepAction.RaiseTicket raise ? raise.boardId() : null;
                    String board = boardId == null ? "" : policy.board(boardId).name();
                    boolean grouped = boardId != null && policy.grouping().isPresent();
                    due.add(new StepDue(ladder.id(), step.id(), kind(step.action()), step.action(), boardId,
                            boardId == null ? null : render(step.text().title(), subject, board, days),
                            render(step.text().body(), subject, board, days), grouped,
                            grouped ? boardId + "/" + isoWeek(today) : null, days,
                            "ladder " + ladder.id() + " step " + step.id() + ": " + days + " days overdue >= "
                                    + step.after().days()));
                }
            }
        }
        List<Resolution> resolutions = new ArrayList<>();
        for (EscalationRecord record : history) {
            if (record.state() != EscalationState.RAISED || record.boardId() == null) {
                continue;
            }
            LadderStep step = ladder.steps().stream().filter(s -> s.id().equals(record.stepId())).findFirst().orElseThrow();
            if (item.status().isClosed()) {
                LocalDate on = subject.completedAt() == null ? today
                        : LocalDate.ofInstant(subject.completedAt(), policy.calendar().zone());
                resolutions.add(new Resolution(record, subject.preferredKey() + " was completed on " + on));
            } else if (days < step.after().days()) {
                resolutions.add(new Resolution(record, "due date of " + subject.preferredKey() + " moved to "
                        + item.dueDate()));
            }
        }
        return new ItemPlan(subject.itemKey(), Optional.of(ladder.id()), days, due, resolutions, Optional.empty());
    }

    private static String isoWeek(LocalDate day) {
        return day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String kind(StepAction action) {
        if (action instanceof StepAction.Remind) {
            return "remind";
        }
        return action instanceof StepAction.RaiseTicket ? "ticket" : "reassign";
    }

    private static String render(String template, EscalationSubject subject, String board, long days) {
        if (template == null) {
            return null;
        }
        return template.replace("{{item.key}}", subject.preferredKey())
                .replace("{{item.title}}", subject.item().title())
                .replace("{{owner}}", subject.ownerName() == null ? "nobody" : subject.ownerName())
                .replace("{{due-date}}", String.valueOf(subject.item().dueDate()))
                .replace("{{days-overdue}}", String.valueOf(days))
                .replace("{{board}}", board)
                .replace("{{retrospective}}", String.valueOf(subject.retrospective()))
                .replace("{{change-record}}", String.valueOf(subject.changeRecord()))
                .replace("{{team}}", String.valueOf(subject.team()));
    }
}
