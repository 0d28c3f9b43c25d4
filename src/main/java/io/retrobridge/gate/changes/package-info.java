/**
 * The gate's answers on the change requests they concern: each new answer about a change is queued as an inbox event
 * ({@link io.retrobridge.gate.changes.GateDecisionQueue}), and its handler writes it through the
 * {@link io.retrobridge.sync.GateDecisionRecords} port, so the caller never waits for ServiceNow and a refusing
 * ServiceNow gets the inbox's retries, deferrals and dead letters.
 */
package io.retrobridge.gate.changes;
