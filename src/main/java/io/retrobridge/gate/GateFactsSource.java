package io.retrobridge.gate;

import java.time.Instant;

/**
 * Gathers what the decider needs to know of an application: its retrospectives newest first, each with its
 * follow-ups as the local store last saw them. Answered from the local store only, never by a remote call, so a gate
 * answers within a caller's time limit whatever Jira or ServiceNow are doing; {@link GateFacts#unavailable} when the
 * store cannot answer.
 */
public interface GateFactsSource {

    GateFacts factsFor(String application, Instant now);
}
