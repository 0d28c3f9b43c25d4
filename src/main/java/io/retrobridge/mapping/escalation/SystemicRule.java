package io.retrobridge.mapping.escalation;

import java.time.Period;

/**
 * When a problem is bigger than one item: its failure mode recurred on {@code recurrences} or more distinct
 * retrospectives within {@code window}, or a board had it open past {@code openAtBoard}. Either way it goes
 * to {@code boardId} once, with its history.
 */
public record SystemicRule(String boardId, int recurrences, Period window, Threshold openAtBoard, TicketText text) {
}
