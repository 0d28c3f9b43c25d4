/**
 * The deployment gate's decision: whether a release may proceed, from the policy of {@code gates.yaml}, the facts
 * the local store holds about the application's retrospectives and follow-ups, and the instant asked. Plain Java
 * with no framework, so every rule is tested without a context; the endpoints and the store reach it from outside.
 */
package io.retrobridge.gate;
