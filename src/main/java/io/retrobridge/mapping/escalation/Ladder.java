package io.retrobridge.mapping.escalation;

import java.util.List;

/**
 * The steps an overdue item of one classification goes through, in order of their thresholds.
 *
 * @param id    names the ladder in the journal and the admin API
 * @param when  which items it is for
 * @param steps ordered by threshold; a threshold is never below the one before (equal ones fire in file order)
 */
public record Ladder(String id, LadderMatch when, List<LadderStep> steps) {

    public Ladder {
        steps = List.copyOf(steps);
    }
}
