package io.retrobridge.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Every answer the deployment gate gave, kept as served: a caller polling its status URL reads the same answer, and
 * who asked what and why it was answered so stays on record.
 */
public interface GateEvaluations {

    /**
     * One answer.
     *
     * @param id           the evaluation id callers poll by
     * @param version      null when the caller gave none; so are {@code commitSha} and {@code changeNumber}
     * @param requester    the name of the API key that asked (never the key)
     * @param decision     ALLOW, DENY or PENDING
     * @param answerJson   the answer as served, JSON text
     */
    record Evaluation(UUID id, String gate, String application, String version, String environment,
                      String commitSha, String changeNumber, String requester, String decision, String reason,
                      String answerJson, Instant decidedAt) {

        public Evaluation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(application, "application");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(decision, "decision");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(answerJson, "answerJson");
            Objects.requireNonNull(decidedAt, "decidedAt");
        }
    }

    /** Keeps a new answer; an id already kept is refused with {@link IllegalStateException}. */
    void record(Evaluation evaluation);

    Optional<Evaluation> find(UUID id);

    /** The application's most recent answers, newest first. */
    List<Evaluation> recentFor(String application, int limit);
}
