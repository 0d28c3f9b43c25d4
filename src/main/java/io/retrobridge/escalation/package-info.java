/**
 * Overdue detection, escalation ladder, review-board queues.
 */
package io.retrobridge.escalation;
