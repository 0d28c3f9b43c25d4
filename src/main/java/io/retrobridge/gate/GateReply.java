package io.retrobridge.gate;

import java.util.Objects;
import java.util.UUID;

/**
 * An answer as the gate gave it: the decision with its reason, where it can be read again, and the same JSON the
 * HTTP callers get (blocking items, links, rules, waivers).
 *
 * @param reason     one line of plain text a release manager acts on, starting with the decision
 * @param statusUrl  where the answer is read again: absolute when {@code retrobridge.gates.public-url} is set or the
 *                   question came over HTTP, else a path from the service's root
 * @param answerJson the answer as served, JSON text
 * @param repeated   whether this is an answer given earlier to the same request key
 */
public record GateReply(UUID evaluationId, GateDecision decision, String reason, String statusUrl, String answerJson,
                        boolean repeated) {

    public GateReply {
        Objects.requireNonNull(evaluationId, "evaluationId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(statusUrl, "statusUrl");
        Objects.requireNonNull(answerJson, "answerJson");
    }
}
