/**
 * Where the deployment gate's facts come from: the local store only (retrospectives, their refreshed follow-ups, the
 * links' last snapshots and the escalation records), never a remote call, so an answer is as fast as a few reads.
 */
package io.retrobridge.gate.facts;
