package io.retrobridge.escalation;

import io.retrobridge.domain.DayCount;
import io.retrobridge.mapping.escalation.Board;
import io.retrobridge.mapping.escalation.Grouping;
import io.retrobridge.mapping.escalation.TemplateVariables;
import io.retrobridge.mapping.escalation.TicketText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text of a board's cycle ticket ({@link TemplateVariables#GROUP}): one line per item, sorted by the item's
 * key so the same items always give the same text and a rewrite happens only when the list really changed.
 */
public final class GroupTicketText {

    /** An item line is a summary: a longer title is cut, the item's own page has the rest. */
    static final int MAX_TITLE_IN_LINE = 100;

    /** The item list may be long; it is capped well above one value, below what ticket descriptions take. */
    private static final int MAX_ITEMS_LENGTH = 30_000;

    private static final Comparator<GroupLine> BY_KEY = Comparator
            .comparing((GroupLine line) -> String.valueOf(line.subject().preferredKey()))
            .thenComparing(line -> line.subject().itemKey());

    private final TicketText text;
    private final TemplateRenderer titleRenderer = new TemplateRenderer();
    private final TemplateRenderer bodyRenderer = new TemplateRenderer(MAX_ITEMS_LENGTH);
    private final TemplateRenderer titleCutter = new TemplateRenderer(MAX_TITLE_IN_LINE);

    public GroupTicketText(Grouping grouping) {
        Objects.requireNonNull(grouping, "grouping is required but was null");
        this.text = Objects.requireNonNull(grouping.text(), "grouping.text is required but was null");
    }

    public RenderedText render(Board board, String cycle, List<GroupLine> items) {
        Objects.requireNonNull(board, "board is required but was null");
        List<String> lines = new ArrayList<>();
        items.stream().sorted(BY_KEY).forEach(item -> lines.add(line(item)));
        Map<String, String> values = Map.of(
                "board", board.name(),
                "cycle", Objects.requireNonNull(cycle, "cycle is required but was null"),
                "items", String.join("\n", lines),
                "item-count", Integer.toString(lines.size()));
        String title = text.title() == null ? null : titleRenderer.render(text.title(), values);
        String body = text.body() == null ? "" : bodyRenderer.render(text.body(), values);
        return new RenderedText(title, body);
    }

    /** "PTASK0010002 Alert when disk fills — owner David Loo, due 2026-11-25, 3 days overdue". */
    public String line(GroupLine item) {
        EscalationSubject subject = item.subject();
        String title = titleCutter.clean(subject.item().title()).replaceAll("\\s+", " ").strip();
        boolean assigned = subject.ownerName() != null || subject.item().assigneeEmail() != null;
        String who = assigned ? "owner " + TemplateValues.owner(subject) : "unassigned";
        String due = subject.item().dueDate() == null ? "no due date" : "due " + subject.item().dueDate();
        return subject.preferredKey() + " " + title + " — " + who + ", " + due + ", "
                + DayWords.amount(item.daysOverdue(), DayCount.CALENDAR) + " overdue";
    }
}
