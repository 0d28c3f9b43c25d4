package io.retrobridge.escalation;

import io.retrobridge.domain.ExternalSystem;
import java.time.Instant;
import java.util.UUID;

/**
 * One step an item reached. Unique per (itemKey, ladderId, stepId): that uniqueness, held by the store, is what
 * makes concurrent and repeated scans raise each step once.
 *
 * @param boardId      the board a ticket went to; null for reminders and re-assignments
 * @param kind         remind | ticket | reassign | systemic | group (what was written)
 * @param ticketSystem where the ticket lives; null when no ticket was created (reminder, or grouped into a cycle ticket)
 * @param ticketId     its id (sys_id or Jira issue id); null until raised
 * @param ticketKey    its display key (SCTASK0010001, ARB-3); null until raised
 * @param groupKey     the cycle ticket it is listed on (board id + "/" + cycle), null when not grouped
 * @param marker       the correlation marker stamped on the ticket, so a crashed create is found, not repeated
 * @param note         why it was raised / resolved, as written in the journal
 * @param claimTerm    the leadership term of the instance that claimed the step, when several instances elect a
 *                     leader; null with one instance and on steps claimed before terms were kept
 */
public record EscalationRecord(UUID id, String itemKey, String ladderId, String stepId, String boardId, String kind,
                               ExternalSystem ticketSystem, String ticketId, String ticketKey, String groupKey,
                               String marker, EscalationState state, long daysOverdue, Instant claimedAt,
                               Instant raisedAt, Instant resolvedAt, String note, Long claimTerm) {

    /** A step claimed without a leadership term (one instance). */
    public EscalationRecord(UUID id, String itemKey, String ladderId, String stepId, String boardId, String kind,
            ExternalSystem ticketSystem, String ticketId, String ticketKey, String groupKey, String marker,
            EscalationState state, long daysOverdue, Instant claimedAt, Instant raisedAt, Instant resolvedAt,
            String note) {
        this(id, itemKey, ladderId, stepId, boardId, kind, ticketSystem, ticketId, ticketKey, groupKey, marker, state,
                daysOverdue, claimedAt, raisedAt, resolvedAt, note, null);
    }
}
