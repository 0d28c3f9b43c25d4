/**
 * Canonical records and their rules (status lifecycle, overdue, FMEA RPN). Framework-free: no Camel, Spring or JSON types.
 */
package io.retrobridge.domain;
