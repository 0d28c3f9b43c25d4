/**
 * The escalation mapping file ({@code mappings/escalations.yaml}) as a checked model: review boards and their
 * queues, ladders of steps per classification, systemic escalation, grouping, the calendar and the texts.
 */
package io.retrobridge.mapping.escalation;
