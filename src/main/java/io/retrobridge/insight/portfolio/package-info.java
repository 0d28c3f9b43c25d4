/**
 * The portfolio: the delivery and effectiveness figures side by side per application and calendar month, and the
 * month-over-month trend leadership reads (what improved, what recurred, what is overdue, where a failure mode recurs
 * across applications).
 */
package io.retrobridge.insight.portfolio;
