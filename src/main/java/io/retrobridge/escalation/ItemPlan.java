package io.retrobridge.escalation;

import java.util.List;
import java.util.Optional;

/**
 * What one scan must do for one item. Planning writes nothing; the same subject, history and day give the same plan.
 *
 * @param ladderId     the ladder that applies, empty when none matches (or the item has no due date)
 * @param due          steps to write now, in ladder order (systemic last)
 * @param resolutions  raised escalations to resolve, with the note for each
 * @param marker       what the item should show now: e.g. "cab" while a board holds it (the latest board reached),
 *                     empty when no board holds it
 */
public record ItemPlan(String itemKey, Optional<String> ladderId, long daysOverdue, List<StepDue> due,
                       List<Resolution> resolutions, Optional<String> marker) {

    public ItemPlan {
        due = List.copyOf(due);
        resolutions = List.copyOf(resolutions);
    }

    public boolean isEmpty() {
        return due.isEmpty() && resolutions.isEmpty();
    }
}
