/**
 * The readiness review of a release: what a pre-release review needs to see of an application (open and overdue
 * follow-ups, recent failed deployments and rollbacks, the last PIR, the failure modes of its past retrospectives
 * and the gate's current answer), gathered from the local store only.
 */
package io.retrobridge.insight.readiness;
