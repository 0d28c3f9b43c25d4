package io.retrobridge.escalation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the follow-up report knows of one action item, refreshed by every scan.
 *
 * @param status       open | in-progress | done | cancelled
 * @param completedOn  the day it was done or cancelled, null while open
 * @param escalated    whether it ever reached a board
 */
public record FollowUpFact(String itemKey, String displayKey, String title, String retrospective, String team,
                           String ownerEmail, LocalDate dueDate, String status, LocalDate completedOn,
                           boolean escalated, Instant updatedAt) {
}
