package io.retrobridge.escalation;

import io.retrobridge.domain.ActionItem;
import io.retrobridge.domain.DayCount;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.mapping.escalation.TemplateVariables;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The values of {@link TemplateVariables#ITEM} for one item at one step. Unknown facts are left out of the map so
 * the renderer shows them as a dash.
 */
public final class TemplateValues {

    /** Order in which an item's sides are listed: ServiceNow first, as {@link EscalationSubject#preferredKey()}. */
    private static final List<ExternalSystem> SIDES = List.of(ExternalSystem.SERVICENOW, ExternalSystem.JIRA);

    private TemplateValues() {
    }

    /**
     * @param ladderId    the ladder id, or "systemic"
     * @param stepId      the step id
     * @param board       the board a ticket goes to; null for reminders and re-assignments
     * @param daysOverdue as counted by {@code count}
     * @param history     every step the item reached so far, oldest first
     * @param recurrences distinct retrospectives the item's failure mode appeared on within the systemic window
     * @param zone        the calendar's zone: the dates in the history are days there
     */
    public static Map<String, String> forItem(EscalationSubject subject, String ladderId, String stepId, Board board,
                                              long daysOverdue, DayCount count, List<EscalationRecord> history,
                                              int recurrences, ZoneId zone) {
        Objects.requireNonNull(subject, "subject is required but was null");
        ActionItem item = subject.item();
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "item.key", subject.preferredKey());
        put(values, "item.title", item.title());
        put(values, "item.url", firstUrl(subject));
        put(values, "item.jira-key", subject.displayKeys().get(ExternalSystem.JIRA));
        put(values, "item.servicenow-key", subject.displayKeys().get(ExternalSystem.SERVICENOW));
        put(values, "owner", owner(subject));
        put(values, "owner.email", item.assigneeEmail());
        put(values, "due-date", item.dueDate() == null ? null : item.dueDate().toString());
        put(values, "days-overdue", Long.toString(daysOverdue));
        put(values, "day-count", DayWords.unit(daysOverdue, count));
        put(values, "retrospective", subject.retrospective());
        put(values, "change-record", subject.changeRecord());
        put(values, "team", subject.team());
        put(values, "board", board == null ? null : board.name());
        put(values, "step", stepId);
        put(values, "ladder", ladderId);
        put(values, "history", String.join("\n", historyLines(history, zone)));
        put(values, "links", String.join("\n", links(subject)));
        put(values, "failure-mode", item.failureMode());
        put(values, "recurrences", Integer.toString(recurrences));
        return Collections.unmodifiableMap(values);
    }

    /** Who the item waits for: the owner's name, else their e-mail, else "unassigned". */
    public static String owner(EscalationSubject subject) {
        if (subject.ownerName() != null && !subject.ownerName().isBlank()) {
            return subject.ownerName();
        }
        String email = subject.item().assigneeEmail();
        return email != null ? email : "unassigned";
    }

    /** One line per record, oldest first: "2026-11-20 cab: SCTASK0010001 (raised)". */
    public static List<String> historyLines(List<EscalationRecord> history, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        for (EscalationRecord record : history) {
            Instant when = record.raisedAt() != null ? record.raisedAt() : record.claimedAt();
            String day = when == null ? TemplateRenderer.MISSING : when.atZone(zone).toLocalDate().toString();
            lines.add(day + " " + record.stepId() + ": " + whatWasWritten(record) + " ("
                    + record.state().name().toLowerCase(Locale.ROOT) + ")");
        }
        return lines;
    }

    private static String whatWasWritten(EscalationRecord record) {
        if (record.ticketKey() != null) {
            return record.ticketKey();
        }
        if (record.groupKey() != null) {
            return "listed on " + record.groupKey();
        }
        return switch (record.kind() == null ? "" : record.kind()) {
            case "remind" -> "reminder";
            case "reassign" -> "re-assigned";
            default -> "ticket";
        };
    }

    private static List<String> links(EscalationSubject subject) {
        List<String> lines = new ArrayList<>();
        for (ExternalSystem side : SIDES) {
            String url = subject.urls().get(side);
            if (url != null) {
                String key = subject.displayKeys().get(side);
                lines.add(sideName(side) + (key == null ? "" : " " + key) + ": " + url);
            }
        }
        return lines;
    }

    private static String firstUrl(EscalationSubject subject) {
        for (ExternalSystem side : SIDES) {
            if (subject.urls().get(side) != null) {
                return subject.urls().get(side);
            }
        }
        return null;
    }

    private static String sideName(ExternalSystem side) {
        return side == ExternalSystem.JIRA ? "Jira" : "ServiceNow";
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }
}
