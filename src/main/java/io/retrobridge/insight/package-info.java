/**
 * PIR metrics, DORA metrics, completion and recurrence reports, history search.
 */
package io.retrobridge.insight;
