package io.retrobridge.mapping.escalation;

import java.util.List;

/** The placeholders a text may use, as {{name}}. Anything else in braces is refused when the file is loaded. */
public final class TemplateVariables {

    /** Per item: its keys, title, owner, dates, where it came from and how it was escalated so far. */
    public static final List<String> ITEM = List.of("item.key", "item.title", "item.url", "item.jira-key",
            "item.servicenow-key", "owner", "owner.email", "due-date", "days-overdue", "day-count", "retrospective",
            "change-record", "team", "board", "step", "ladder", "history", "links", "failure-mode", "recurrences", "reason");

    /** In a grouped ticket: the board, the cycle and the list of its items (one line each). */
    public static final List<String> GROUP = List.of("board", "cycle", "items", "item-count");

    private TemplateVariables() {
    }
}
