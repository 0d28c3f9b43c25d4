package io.retrobridge.escalation;

import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Carries out plans the way the scan does, against an in-memory history: every step due becomes a RAISED record
 * (tickets get the next SCTASK number), every resolution turns its record RESOLVED.
 */
final class TestScan {

    private final List<EscalationRecord> history = new ArrayList<>();
    private int tickets;

    List<EscalationRecord> history() {
        return List.copyOf(history);
    }

    void apply(ItemPlan plan, LocalDate day) {
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        for (Resolution resolution : plan.resolutions()) {
            EscalationRecord r = resolution.record();
            history.set(history.indexOf(r), new EscalationRecord(r.id(), r.itemKey(), r.ladderId(), r.stepId(),
                    r.boardId(), r.kind(), r.ticketSystem(), r.ticketId(), r.ticketKey(), r.groupKey(), r.marker(),
                    EscalationState.RESOLVED, r.daysOverdue(), r.claimedAt(), r.raisedAt(), at, resolution.note()));
        }
        for (StepDue step : plan.due()) {
            history.add(raised(plan.itemKey(), step, at));
        }
    }

    void add(EscalationRecord record) {
        history.add(record);
    }

    private EscalationRecord raised(String itemKey, StepDue step, Instant at) {
        boolean ticket = step.boardId() != null && !step.grouped();
        String ticketKey = ticket ? String.format("SCTASK%07d", 10000 + ++tickets) : null;
        return new EscalationRecord(UUID.randomUUID(), itemKey, step.ladderId(), step.stepId(), step.boardId(),
                step.kind(), ticket ? ExternalSystem.SERVICENOW : null, ticket ? "sys" + tickets : null, ticketKey,
                step.groupKey(), EscalationMarkers.ticketMarker(itemKey, step.ladderId(), step.stepId()),
                EscalationState.RAISED, step.daysOverdue(), at, at, null, step.reason());
    }

    static EscalationRecord record(String itemKey, String ladderId, String stepId, String boardId, String kind,
                                   EscalationState state, LocalDate raisedOn) {
        Instant at = raisedOn.atTime(9, 0).toInstant(ZoneOffset.UTC);
        return new EscalationRecord(UUID.randomUUID(), itemKey, ladderId, stepId, boardId, kind,
                boardId == null ? null : ExternalSystem.SERVICENOW, boardId == null ? null : "sys-" + stepId,
                boardId == null ? null : "SCTASK-" + stepId, null, "rb-esc-test", state, 1, at,
                state == EscalationState.CLAIMED ? null : at, null, "test");
    }
}
