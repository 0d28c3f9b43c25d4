package io.retrobridge.escalation;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.Classification;
import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.WorkCalendar;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.Ladder;
import io.retrobridge.mapping.escalation.LadderMatch;
import io.retrobridge.mapping.escalation.LadderStep;
import io.retrobridge.mapping.escalation.StepAction;
import io.retrobridge.mapping.escalation.SystemicRule;
import io.retrobridge.mapping.escalation.Threshold;
import io.retrobridge.mapping.escalation.TicketText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what one scan owes one item: the ladder steps it reached and was never given, the systemic escalation,
 * the board tickets to resolve, and the board the item should show. Writes nothing; the same subject, history,
 * recurrence facts and day always give the same plan.
 *
 * <p>A step is given once per item, ever: once the history holds (ladder, step) in any state, it is never due
 * again, not even after its ticket was resolved because the due date moved.
 *
 * <p>Systemic escalation, like every other step, is only for open items past their due date: a recurring failure
 * mode makes an overdue item systemic, it does not escalate an item that is still on time.
 */
public final class EscalationPlanner {

    public static final String SYSTEMIC_LADDER = "systemic";
    public static final String SYSTEMIC_STEP = "architecture-review";

    private final EscalationPolicy policy;
    private final WorkCalendar calendar;
    private final Deescalation deescalation;
    private final TemplateRenderer renderer = new TemplateRenderer();

    public EscalationPlanner(EscalationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy is required but was null");
        this.calendar = Objects.requireNonNull(policy.calendar(), "policy.calendar is required but was null");
        this.deescalation = new Deescalation(policy);
    }

    /**
     * @param history    every record of this item, oldest first (as {@link EscalationStore#forItem} gives them)
     * @param recurrence what {@link RecurrenceDetector} found in this scan
     * @param today      the scan's day in the calendar's zone
     * @return the plan; its {@code daysOverdue} counts calendar days (0 without a due date), each step's its own way
     */
    public ItemPlan plan(EscalationSubject subject, List<EscalationRecord> history, RecurrenceFacts recurrence,
                         LocalDate today) {
        Objects.requireNonNull(subject, "subject is required but was null");
        Objects.requireNonNull(history, "history is required but was null");
        Objects.requireNonNull(recurrence, "recurrence is required but was null");
        Objects.requireNonNull(today, "today is required but was null");
        requireOwnHistory(subject, history);

        ActionItem item = subject.item();
        LocalDate due = item.dueDate();
        boolean open = !item.status().isClosed();
        long calendarDays = due == null ? 0 : calendar.daysOverdue(due, today, DayCount.CALENDAR);
        Optional<Ladder> ladder = ladderFor(item);

        List<Resolution> resolutions = deescalation.resolutions(subject, history, today);
        List<StepDue> steps = new ArrayList<>();
        if (open && ladder.isPresent()) {
            steps.addAll(ladderSteps(subject, ladder.get(), history, recurrence, today));
        }
        if (open && due != null && today.isAfter(due)) {
            systemicStep(subject, history, resolutions, recurrence, today).ifPresent(steps::add);
        }
        Optional<String> marker = BoardHold.after(history, resolutions, steps).map(BoardHold::boardId);
        return new ItemPlan(subject.itemKey(), ladder.map(Ladder::id), calendarDays, steps, resolutions, marker);
    }

    /**
     * The first ladder, in file order, whose {@code when} matches the item's classification and priority. Items
     * without a due date have none; an unclassified item matches only ladders that ask nothing of scope and kind.
     */
    public Optional<Ladder> ladderFor(ActionItem item) {
        if (item.dueDate() == null) {
            return Optional.empty();
        }
        return policy.ladders().stream().filter(ladder -> matches(ladder.when(), item)).findFirst();
    }

    private static boolean matches(LadderMatch when, ActionItem item) {
        Classification classification = item.classification();
        boolean scopeMatches = when.scopes().isEmpty()
                || classification != null && when.scopes().contains(classification.scope());
        boolean kindMatches = when.kinds().isEmpty()
                || classification != null && when.kinds().contains(classification.kind());
        boolean priorityMatches = when.priorities().isEmpty() || when.priorities().contains(item.priority());
        return scopeMatches && kindMatches && priorityMatches;
    }

    private List<StepDue> ladderSteps(EscalationSubject subject, Ladder ladder, List<EscalationRecord> history,
                                      RecurrenceFacts recurrence, LocalDate today) {
        LocalDate due = subject.item().dueDate();
        List<StepDue> steps = new ArrayList<>();
        for (LadderStep step : ladder.steps()) {
            Threshold threshold = step.after();
            if (!Thresholds.reached(calendar, due, today, threshold) || reached(history, ladder.id(), step.id())) {
                continue;
            }
            long days = calendar.daysOverdue(due, today, threshold.count());
            String reason = ladder.id() + "/" + step.id() + ": " + DayWords.amount(days, threshold.count())
                    + " overdue >= " + DayWords.amount(threshold.days(), threshold.count());
            steps.add(stepDue(subject, ladder.id(), step.id(), step.action(), step.text(), days, threshold.count(),
                    history, recurrence, today, reason));
        }
        return steps;
    }

    private Optional<StepDue> systemicStep(EscalationSubject subject, List<EscalationRecord> history,
                                           List<Resolution> resolutions, RecurrenceFacts recurrence,
                                           LocalDate today) {
        if (policy.systemic().isEmpty() || reached(history, SYSTEMIC_LADDER, SYSTEMIC_STEP)) {
            return Optional.empty();
        }
        SystemicRule rule = policy.systemic().get();
        DayCount count = rule.openAtBoard().count();
        long days = calendar.daysOverdue(subject.item().dueDate(), today, count);
        return new SystemicCheck(rule, calendar)
                .why(subject.item(), history, resolutions, recurrence, today)
                .map(why -> stepDue(subject, SYSTEMIC_LADDER, SYSTEMIC_STEP, new StepAction.RaiseTicket(rule.boardId()),
                        rule.text(), days, count, history, recurrence, today,
                        SYSTEMIC_LADDER + "/" + SYSTEMIC_STEP + ": " + why));
    }

    private StepDue stepDue(EscalationSubject subject, String ladderId, String stepId, StepAction action,
                            TicketText text, long days, DayCount count, List<EscalationRecord> history,
                            RecurrenceFacts recurrence, LocalDate today, String reason) {
        boolean systemic = SYSTEMIC_LADDER.equals(ladderId);
        String boardId = action instanceof StepAction.RaiseTicket ticket ? ticket.boardId() : null;
        Board board = boardId == null ? null : policy.board(boardId);
        Map<String, String> values = new java.util.HashMap<>(TemplateValues.forItem(subject, ladderId, stepId, board,
                days, count, history, recurrence.recurrences(subject.item().failureMode()), calendar.zone()));
        String stepPrefix = ladderId + "/" + stepId + ": ";
        values.put("reason", reason.startsWith(stepPrefix) ? reason.substring(stepPrefix.length()) : reason);
        String title = board == null || text == null || text.title() == null ? null
                : renderer.render(text.title(), values);
        String body = text == null || text.body() == null ? "" : renderer.render(text.body(), values);
        boolean grouped = board != null && !systemic && policy.grouping().isPresent();
        String groupKey = grouped ? ReviewCycle.groupKey(boardId, today, policy.grouping().get()) : null;
        return new StepDue(ladderId, stepId, kindOf(action, systemic, grouped), action, boardId, title, body, grouped, groupKey,
                days, reason);
    }

    /** As stored in {@link EscalationRecord#kind()}: what was written. A grouped ticket step lists the item on the cycle ticket. */
    private static String kindOf(StepAction action, boolean systemic, boolean grouped) {
        if (systemic) {
            return "systemic";
        }
        if (grouped) {
            return "group";
        }
        if (action instanceof StepAction.Remind) {
            return "remind";
        }
        return action instanceof StepAction.Reassign ? "reassign" : "ticket";
    }

    private static boolean reached(List<EscalationRecord> history, String ladderId, String stepId) {
        return history.stream().anyMatch(record -> ladderId.equals(record.ladderId()) && stepId.equals(record.stepId()));
    }

    private static void requireOwnHistory(EscalationSubject subject, List<EscalationRecord> history) {
        for (EscalationRecord record : history) {
            if (!subject.itemKey().equals(record.itemKey())) {
                throw new IllegalArgumentException("History record " + record.id() + " belongs to item "
                        + record.itemKey() + ", not " + subject.itemKey() + "; pass only the item's own records");
            }
        }
    }
}
