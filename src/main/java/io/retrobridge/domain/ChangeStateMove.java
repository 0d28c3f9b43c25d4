package io.retrobridge.domain;

import java.time.Instant;

/**
 * A change request seen moving from one state to another, for the retrospective's timeline.
 *
 * @param from null for the first state seen
 * @param at   when the move was seen (sys_updated_on of the version that showed it)
 */
public record ChangeStateMove(String changeNumber, ChangeState from, ChangeState to, Instant at) {

    public ChangeStateMove {
        RecordArguments.identifier(changeNumber, "changeNumber");
        RecordArguments.required(to, "to");
        RecordArguments.required(at, "at");
    }
}
