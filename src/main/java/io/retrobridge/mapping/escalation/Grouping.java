package io.retrobridge.mapping.escalation;

import java.time.DayOfWeek;

/**
 * One ticket per board per review cycle listing all of its escalated items, kept up to date, instead of one
 * ticket per item.
 *
 * @param cycleWeeks length of a review cycle in weeks (1 weekly, 2 fortnightly)
 * @param startsOn   the weekday a cycle starts on
 * @param text       the ticket's text ({@link TemplateVariables#GROUP})
 */
public record Grouping(int cycleWeeks, DayOfWeek startsOn, TicketText text) {
}
